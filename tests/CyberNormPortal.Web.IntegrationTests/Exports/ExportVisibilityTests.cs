using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Web.Auditing;
using CyberNormPortal.Web.Identity;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.IntegrationTests.Exports;

public sealed class ExportVisibilityTests(PortalFixture fixture) : PortalTest(fixture)
{
    private const string AfricanScope = "?region=African";
    private const string AmberTitle = "Kenyan incident coordination protocol";
    private const string ClearTitle = "Kenyan national CSIRT";

    [Fact]
    public async Task AmberEntry_IsOnlyInAModeratorsExports_AndOnlyTheirExportsAreAudited()
    {
        await Portal.PublishAsync("KEN", norm: 3, title: ClearTitle);
        await Portal.PublishAsync("KEN", norm: 7, title: AmberTitle, visibility: TlpLabel.Amber);

        using var visitor = Portal.NewBrowser();
        var (analyst, _) = await Portal.SignInAsAsync(PortalRoles.Analyst);
        var (moderator, moderatorUser) = await Portal.SignInAsAsync(PortalRoles.Moderator);
        // Holding the role is not acting in it: without two-factor sign-in, a moderator or administrator reads as an analyst.
        using var moderatorWithoutTwoFactor = await Portal.SignInAsync(await Portal.CreateUserAsync(PortalRoles.Moderator, twoFactor: false));
        using var administratorWithoutTwoFactor = await Portal.SignInAsync(await Portal.CreateUserAsync(PortalRoles.Administrator, twoFactor: false));
        using (analyst)
        using (moderator)
        {
            foreach (var reader in new[] { visitor, analyst, moderatorWithoutTwoFactor, administratorWithoutTwoFactor })
            {
                var markdown = await reader.MarkdownAsync(AfricanScope);
                Assert.Contains(ClearTitle, markdown, StringComparison.Ordinal);
                Assert.DoesNotContain(AmberTitle, markdown, StringComparison.Ordinal);
                Assert.DoesNotContain("TLP:AMBER", markdown, StringComparison.Ordinal);

                var word = await reader.WordParagraphsAsync(AfricanScope);
                Assert.Contains(word, p => p.IsBullet && p.Text.StartsWith(ClearTitle, StringComparison.Ordinal));
                Assert.DoesNotContain(word, p => p.Text.Contains(AmberTitle, StringComparison.Ordinal));
            }

            Assert.Equal(0, await RestrictedExportsAsync());

            var moderatorsMarkdown = await moderator.MarkdownAsync(AfricanScope);
            Assert.Contains($"{AmberTitle}](", moderatorsMarkdown, StringComparison.Ordinal);
            Assert.Contains("*(Kenya)* **TLP:AMBER**", moderatorsMarkdown, StringComparison.Ordinal);
            Assert.Contains("Labels of the entries included: TLP:CLEAR, TLP:AMBER.", moderatorsMarkdown, StringComparison.Ordinal);
            var moderatorsWord = await moderator.WordParagraphsAsync(AfricanScope);
            Assert.Contains(moderatorsWord, p => p.IsBullet && p.Text.StartsWith(AmberTitle, StringComparison.Ordinal) && p.Text.EndsWith("TLP:AMBER", StringComparison.Ordinal));
        }

        var records = await Portal.WithDbAsync(db => db.AuditRecords.Where(a => a.Action == AuditActions.RestrictedExport).OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(2, records.Count);
        Assert.All(records, r =>
        {
            Assert.Equal("synthesis:african", r.Subject);
            Assert.Equal(moderatorUser.Id, r.UserId);
            Assert.Contains("TLP:AMBER: 1", r.Details, StringComparison.Ordinal);
        });
        Assert.Equal(["format=md", "format=docx"], records.Select(r => r.Details!.Split(';')[0]));
    }

    [Fact]
    public async Task AmberEntry_IsInItsOwnStatesExport()
    {
        await Portal.PublishAsync("KEN", norm: 7, title: AmberTitle, visibility: TlpLabel.Amber);

        var (contributor, _) = await Portal.SignInAsAsync(PortalRoles.Contributor, "KEN");
        using (contributor)
        {
            Assert.Contains(AmberTitle, await contributor.MarkdownAsync(AfricanScope), StringComparison.Ordinal);
        }

        Assert.Equal(1, await RestrictedExportsAsync());
    }

    private Task<int> RestrictedExportsAsync() =>
        Portal.WithDbAsync(db => db.AuditRecords.CountAsync(a => a.Action == AuditActions.RestrictedExport));
}
