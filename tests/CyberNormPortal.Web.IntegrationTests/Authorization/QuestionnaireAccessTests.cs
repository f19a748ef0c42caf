using System.Net;
using CyberNormPortal.Web.Identity;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.IntegrationTests.Authorization;

/// <summary>
/// The questionnaire editor is the secretariat's: moderators and administrators, with two-factor sign-in. Everyone else
/// is refused every page and every handler, by GET and by POST with a valid antiforgery token, and nothing changes.
/// </summary>
public sealed class QuestionnaireAccessTests(PortalFixture portal) : PortalTest(portal)
{
    private const string Route = "/admin/cycles/{id:int}/questionnaire";

    private static readonly string[] Handlers =
        ["Create", "Copy", "NewVersion", "SavePart", "SaveQuestion", "SaveAction", "RemovePart", "RemoveQuestion", "RemoveAction"];

    /// <summary>The app endpoints these tests ask about; the EndpointCoverageTests read this list.</summary>
    public static readonly IReadOnlyCollection<string> CoveredEndpoints =
        [$"GET {Route}", .. Handlers.Select(h => $"POST {Route}?handler={h}")];

    /// <summary>Who (null: nobody signed in), their State, two-factor set up, and whether the refusal is the two-factor set-up.</summary>
    public static TheoryData<string?, string?, bool, bool> Outsiders => new()
    {
        { null, null, false, false },
        { PortalRoles.Analyst, null, false, false },
        { PortalRoles.Contributor, "KEN", false, false },
        { PortalRoles.Approver, "KEN", false, false },
        { PortalRoles.GroupCoordinator, null, false, false },
        { PortalRoles.Moderator, null, false, true },
        { PortalRoles.Administrator, null, false, true },
    };

    [Theory]
    [MemberData(nameof(Outsiders))]
    public async Task EveryPageAndHandler_ByOutsiders_IsRefused_AndChangesNothing(string? role, string? state, bool twoFactor, bool toTwoFactorSetUp)
    {
        var earlier = await Portal.OpenCycleAsync("Reporting 2025");
        await Portal.CreateQuestionnaireAsync(earlier);
        var withOne = await Portal.OpenCycleAsync("Reporting 2026");
        await Portal.CreateQuestionnaireAsync(withOne);
        var empty = await Portal.OpenCycleAsync("Reporting 2027");
        var keys = await Portal.WithDbAsync(async db => await db.Questionnaires.Where(q => q.CycleId == withOne)
            .Select(q => new { Part = q.Parts.First().Key, Question = q.Parts.SelectMany(p => p.Questions).First().Key, Action = q.Actions.First().Key })
            .SingleAsync());
        var browser = role is null
            ? Portal.NewBrowser()
            : await Portal.SignInAsync(role == PortalRoles.GroupCoordinator ? await Portal.CreateCoordinatorAsync() : await Portal.CreateUserAsync(role, state, twoFactor));
        var before = await SnapshotAsync();

        foreach (var url in new[] { $"/admin/cycles/{withOne}/questionnaire", $"/admin/cycles/{empty}/questionnaire", $"/admin/cycles/{withOne}/questionnaire?edit={keys.Question}" })
        {
            AssertRefused(await browser.GetAsync(url), "GET " + url, role is null, toTwoFactorSetUp);
        }

        var posts = new (int Cycle, string Handler, KeyValuePair<string, string>[] Fields)[]
        {
            (empty, "Create", []),
            (empty, "Copy", [new("Copy.FromCycleId", earlier.ToString())]),
            (withOne, "NewVersion", []),
            (withOne, "SavePart", [new("Part.Kind", "Other"), new("Part.Title", "Forged")]),
            (withOne, "SaveQuestion", [new("Question.PartKey", keys.Part), new("Question.Kind", "FreeText"), new("Question.Text", "Forged?")]),
            (withOne, "SaveAction", [new("Checklist.NormNumber", "1"), new("Checklist.Text", "Forged."), new("Checklist.Source", "Forged")]),
            (withOne, "RemovePart", [new("Remove.Key", keys.Part)]),
            (withOne, "RemoveQuestion", [new("Remove.Key", keys.Question)]),
            (withOne, "RemoveAction", [new("Remove.Key", keys.Action)]),
        };
        Assert.Equal(Handlers, posts.Select(p => p.Handler));
        foreach (var (cycle, handler, fields) in posts)
        {
            var url = $"/admin/cycles/{cycle}/questionnaire?handler={handler}";
            AssertRefused(await browser.PostWithTokenAsync(url, fields), "POST " + url, role is null, toTwoFactorSetUp);
        }

        Assert.Equal(before, await SnapshotAsync());
        browser.Dispose();
    }

    [Theory]
    [InlineData(PortalRoles.Moderator)]
    [InlineData(PortalRoles.Administrator)]
    public async Task QuestionnairePage_ModeratorOrAdministratorWithTwoFactor_Opens(string role)
    {
        var cycle = await Portal.OpenCycleAsync();
        var (browser, _) = await Portal.SignInAsAsync(role);

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync($"/admin/cycles/{cycle}/questionnaire")).Status);
    }

    private static void AssertRefused(PageResponse response, string what, bool anonymous, bool toTwoFactorSetUp)
    {
        var path = response.RedirectPath ?? "";
        var refused = anonymous
            ? response.Status == HttpStatusCode.Redirect && path.StartsWith("/account/sign-in", StringComparison.Ordinal)
            : toTwoFactorSetUp
                ? response.Status == HttpStatusCode.Redirect && path.StartsWith("/account/two-factor?required=true", StringComparison.Ordinal)
                : response.Status == HttpStatusCode.Forbidden
                  || (response.Status == HttpStatusCode.Redirect && path.StartsWith("/account/access-denied", StringComparison.Ordinal));
        Assert.True(refused, $"{what} answered {(int)response.Status} {path}");
    }

    private Task<string> SnapshotAsync() => Portal.WithDbAsync(async db =>
    {
        var questionnaires = await db.Questionnaires.OrderBy(q => q.Id)
            .Select(q => $"{q.CycleId}:{q.Version}:{q.Parts.Count}:{q.Parts.SelectMany(p => p.Questions).Count()}:{q.Actions.Count}").ToListAsync();
        return string.Join(",", questionnaires) + ";" + await db.AuditRecords.CountAsync(a => a.Action != "sign-in");
    });
}
