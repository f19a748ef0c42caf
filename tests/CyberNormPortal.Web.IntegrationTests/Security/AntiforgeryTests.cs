using System.Net;
using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Web.Identity;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Xunit.Abstractions;

namespace CyberNormPortal.Web.IntegrationTests.Security;

/// <summary>
/// Every POST page handler of the app (found by <see cref="AppEndpoints"/>, so a new one is checked without being
/// listed) refuses a request without the antiforgery token, and one with an altered token, with 400 before it does
/// anything: every table of the database is the same afterwards. The caller holds every role, so no authorization
/// refusal answers first and hides a missing check.
/// </summary>
public sealed class AntiforgeryTests(PortalFixture portal, ITestOutputHelper output) : PortalTest(portal)
{
    /// <summary>POST handlers that take no token, and why that is safe.</summary>
    private static readonly IReadOnlyDictionary<string, string> Exempt = new Dictionary<string, string>
    {
        // The exception handler re-executes a failed POST here; it only shows an error reference and changes nothing.
        ["POST /error"] = "error page",
    };

    [Fact]
    public async Task EveryPostHandler_WithoutOrWithAnAlteredToken_IsRefusedAndChangesNothing()
    {
        await Portal.OpenCycleAsync();
        var (browser, user) = await Portal.SignInAsAsync(
            PortalRoles.Administrator, "KEN", PortalRoles.Moderator, PortalRoles.Contributor, PortalRoles.Approver);
        var entry = await Portal.CreateEntryAsync(user, EntryStatus.Draft);
        var target = await Portal.CreateUserAsync(PortalRoles.Analyst);
        var posts = (await Portal.AllAsync()).Where(e => e.IsPage && e.Verb == "POST" && !Exempt.ContainsKey(e.Key)).ToList();
        var token = (await browser.GetAsync("/my")).Document.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        var altered = token[..10] + (token[10] == 'A' ? 'B' : 'A') + token[11..];
        var before = await DatabaseSnapshotAsync();
        var refused = new List<string>();

        foreach (var post in posts)
        {
            var url = UrlFor(post, entry, target.Id);
            var fields = FieldsFor(post);

            var withoutToken = await browser.PostAsync(url, fields);
            var withAlteredToken = await browser.PostAsync(url, fields.Append(new("__RequestVerificationToken", altered)));

            Assert.True(withoutToken.Status == HttpStatusCode.BadRequest, $"{post} without a token answered {(int)withoutToken.Status} {withoutToken.RedirectPath}");
            Assert.True(withAlteredToken.Status == HttpStatusCode.BadRequest, $"{post} with an altered token answered {(int)withAlteredToken.Status} {withAlteredToken.RedirectPath}");
            refused.Add(post.Key);
        }

        Assert.Equal(before, await DatabaseSnapshotAsync());
        // The session survived every refused post, sign-out included, and the real token still works.
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/my")).Status);
        Assert.True(posts.Count >= 20, $"Only {posts.Count} POST handlers found: is the enumeration broken?");
        output.WriteLine($"{refused.Count} POST handlers refused without and with an altered token:\n" + string.Join("\n", refused));
    }

    [Fact]
    public async Task SameFields_WithTheRealToken_AreAccepted_SoTheRefusalsAboveAreTheTokensDoing()
    {
        var (browser, user) = await Portal.SignInAsAsync(PortalRoles.Contributor, "KEN");
        await Portal.OpenCycleAsync();
        var entry = await Portal.CreateEntryAsync(user, EntryStatus.Draft);
        var version = await Portal.WithDbAsync(db => db.Entries.Where(e => e.Id == entry).Select(e => EF.Property<uint>(e, "Version")).SingleAsync());

        var response = await browser.PostWithTokenAsync($"/entries/{entry}/review", [new("action", "Submit"), new("version", version.ToString(System.Globalization.CultureInfo.InvariantCulture))]);

        Assert.Equal(HttpStatusCode.Redirect, response.Status);
        Assert.Equal(EntryStatus.Submitted, await Portal.WithDbAsync(db => db.Entries.Where(e => e.Id == entry).Select(e => e.Status).SingleAsync()));
    }

    private static string UrlFor(AppEndpoint post, int entry, string userId)
    {
        var path = post.Route
            .Replace("{id:int?}", "", StringComparison.Ordinal)
            .Replace("{id:int}", entry.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{id}", userId, StringComparison.Ordinal)
            .Replace("{partKey}", "pany", StringComparison.OrdinalIgnoreCase)
            .TrimEnd('/');
        Assert.DoesNotContain("{", path, StringComparison.Ordinal);
        return post.Handler is null ? path : $"{path}?handler={post.Handler}";
    }

    /// <summary>Fields that would change something if the handler ran.</summary>
    private static List<KeyValuePair<string, string>> FieldsFor(AppEndpoint post) => post.Route switch
    {
        "/entries/{id:int}/review" => [new("action", "Submit"), new("version", "0")],
        "/entries/{id:int}/edit" or "/entries/new" =>
        [
            new("Input.NormNumber", "2"), new("Input.Kind", "BestPractice"), new("Input.PracticeCategories", "Awareness"),
            new("Input.Title", "Forged"), new("Input.Summary", "Forged"), new("Input.Body", "Forged"), new("Input.Language", "en"),
            new("Input.Visibility", "Clear"), new("Command", "save"),
        ],
        "/capacity/new" or "/capacity/work/{id:int}" =>
        [
            new("Input.Side", "Need"), new("Input.Title", "Forged"), new("Input.Norms", "1"), new("Input.Kinds", "Training"),
            new("Input.Languages", "en"), new("Input.Visibility", "Clear"), new("action", "Submit"), new("Version", "0"),
        ],
        "/admin/users/{id}" => [new("Input.Roles", PortalRoles.Administrator)],
        "/admin/invitations" => [new("Input.Email", "mallory@example.org"), new("Input.DisplayName", "Mallory"), new("Input.Role", PortalRoles.Administrator)],
        "/admin/states" => [new("Input.Participation[KEN]", "Member")],
        "/admin/cycles/edit/{id:int?}" => [new("Input.Slug", "forged"), new("Input.Name", "Forged"), new("Input.OpensOn", "2026-01-01"), new("Input.ClosesOn", "2026-12-31")],
        "/admin/groups/edit/{id:int?}" => [new("Input.Slug", "forged"), new("Input.Name", "Forged"), new("Input.Abbreviation", "FG")],
        "/account/forgot-password" => [new("Input.Email", "ada@example.org")],
        "/moderation/organisations" => [new("Input.Name", "Forged")],
        "/moderation/organisations/{id:int}" => [new("Input.Name", "Forged"), new("Invite.Email", "mallory@example.org"), new("Invite.DisplayName", "Mallory")],
        "/account/change-password" => [new("Input.CurrentPassword", TestUsers.Password), new("Input.NewPassword", "Another-long-passphrase-9"), new("Input.ConfirmPassword", "Another-long-passphrase-9")],
        _ => [new("Input.Email", "ada@example.org"), new("Input.Password", TestUsers.Password), new("Input.Code", "123456")],
    };

    /// <summary>
    /// Every table's rows, hashed: any insert, update or delete anywhere shows. Except the data-protection key ring:
    /// the reset empties it under the running app, so an undecryptable (altered) token makes the app reload the ring
    /// and write a fresh key, which is infrastructure, not anything the refused request did.
    /// </summary>
    private async Task<string> DatabaseSnapshotAsync()
    {
        await using var connection = new NpgsqlConnection(Portal.ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'DataProtectionKeys' ORDER BY tablename", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var hashes = new List<string>();
        foreach (var table in tables)
        {
            await using var hash = new NpgsqlCommand($"SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, ',' ORDER BY t::text)), '') FROM \"{table}\" t", connection);
            hashes.Add($"{table}={await hash.ExecuteScalarAsync()}");
        }

        return string.Join("\n", hashes);
    }
}
