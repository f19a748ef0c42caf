using System.Net;
using System.Text.RegularExpressions;
using CyberNormPortal.Web.Auditing;
using CyberNormPortal.Web.Identity;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CyberNormPortal.Web.IntegrationTests.Identity;

/// <summary>How production gets its first administrator, and how Development gets its demo accounts.</summary>
public sealed partial class AdministratorCommandTests(PortalFixture portal) : PortalTest(portal)
{
    [Fact]
    public async Task CreateAdmin_PrintsASingleUseLinkThatMakesAnAdministratorWhoMustSetUpTwoFactor()
    {
        var result = await RunAsync("create-admin", "ada@example.org", "Ada Lovelace");

        Assert.Equal(0, result.ExitCode);
        var link = new Uri(AcceptLink().Match(result.Output).Value);
        Assert.Equal("portal.example.org", link.Host);
        using var browser = Portal.NewBrowser();
        var accepted = await browser.SubmitAsync(link.PathAndQuery, new Dictionary<string, object?>
        {
            ["Input.NewPassword"] = "a long and private passphrase",
            ["Input.ConfirmPassword"] = "a long and private passphrase",
        });
        Assert.StartsWith("/account/two-factor?required=true", accepted.RedirectPath);
        var roles = await Portal.WithServicesAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<PortalUser>>();
            return await users.GetRolesAsync((await users.FindByEmailAsync("ada@example.org"))!);
        });
        Assert.Equal([PortalRoles.Administrator], roles);
        Assert.True(await Portal.WithDbAsync(db => db.AuditRecords.AnyAsync(a => a.Action == AuditActions.AdministratorCreated && a.Subject == "user:ada@example.org")));
        Assert.Equal((HttpStatusCode)410, (await browser.GetAsync(link.PathAndQuery)).Status);

        var again = await RunAsync("create-admin", "ada@example.org", "Ada Lovelace");
        Assert.Equal(65, again.ExitCode);
        Assert.Contains("already exists", again.Error);
    }

    [Fact]
    public async Task CreateAdmin_WithoutArguments_ExplainsHowToUseIt()
    {
        var result = await RunAsync("create-admin");

        Assert.Equal(64, result.ExitCode);
        Assert.Contains(CreateAdministratorCommand.Usage, result.Error);
    }

    [Fact]
    public async Task DemoAccounts_OnePerRole_CanSignInWithThePrintedPassword_AndNoneExistOutsideDevelopment()
    {
        Assert.False(await Portal.WithDbAsync(db => db.Users.AnyAsync(u => u.Email!.EndsWith("@demo.cybernormportal.invalid"))));

        await Portal.WithServicesAsync(async services =>
        {
            await services.GetRequiredService<DemoAccounts>().SeedAsync();
            return true;
        });

        foreach (var (email, _, role) in DemoAccounts.Accounts.Where(a => !PortalRoles.NeedsTwoFactor(a.Role)))
        {
            using var browser = Portal.NewBrowser();
            var response = await browser.SubmitAsync("/account/sign-in", new Dictionary<string, object?>
            {
                ["Input.Email"] = email,
                ["Input.Password"] = DemoAccounts.Password,
            });
            Assert.True(response.Status == HttpStatusCode.Redirect, $"{role}: {response.Text}");
        }

        Assert.True(await Portal.WithDbAsync(db => db.Cycles.AnyAsync(c => c.IsOpen)));
    }

    private Task<PortalProcess.Result> RunAsync(params string[] arguments) =>
        PortalProcess.RunAsync(
            new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["ConnectionStrings__Portal"] = Portal.ConnectionString,
                ["Mail__PublicUrl"] = "https://portal.example.org",
            },
            arguments);

    [GeneratedRegex(@"https://portal\.example\.org/account/accept-invitation\?token=[A-Za-z0-9_\-]+")]
    private static partial Regex AcceptLink();
}
