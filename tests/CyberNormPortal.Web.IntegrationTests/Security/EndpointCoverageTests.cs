using CyberNormPortal.Web.IntegrationTests.Authorization;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;
using CyberNormPortal.Web.IntegrationTests.Pages.Admin;
using CyberNormPortal.Web.IntegrationTests.Pages.Norms;
using CyberNormPortal.Web.IntegrationTests.Pages.Reports;
using Xunit.Abstractions;

namespace CyberNormPortal.Web.IntegrationTests.Security;

/// <summary>
/// Every page handler and API endpoint of the running app is accounted for: either an authorization matrix asks
/// who may reach it, or it is on the list of public endpoints below, with the reason. A handler added without
/// either fails here; so does a list entry the app no longer has.
/// </summary>
public sealed class EndpointCoverageTests(PortalFixture portal, ITestOutputHelper output) : PortalTest(portal)
{
    /// <summary>Endpoints anyone may call without signing in, each with why that is right.</summary>
    public static readonly IReadOnlyDictionary<string, string> PublicEndpoints = new Dictionary<string, string>
    {
        // Published, TLP:CLEAR reading: what the portal is for. Per-entry visibility is the TlpVisibilityTests' job.
        ["GET /"] = "home page",
        ["GET /norms"] = "the eleven norms",
        ["GET /norms/{number:int}"] = "one norm and its published entries",
        ["GET /states"] = "States list",
        ["GET /states/{iso3}"] = "one State's profile and published entries",
        ["GET /synthesis"] = "the published synthesis",
        ["GET /search"] = "search over published entries (TLP filtered by SearchService)",
        ["GET /search/export.{format:regex(^(csv|json)$)}"] = "the search as a file; ExportVisibilityTests check TLP",
        ["GET /coverage"] = "coverage map of published entries",
        ["GET /compare"] = "comparison of published entries",
        ["GET /entries/{id:int}"] = "a published entry; TlpVisibilityTests check who sees restricted ones",
        ["GET /capacity/{id:int}"] = "a need or offer by its label (CapacityVisibility); suggestions only for its side and the secretariat: CapacityMatchMatrixTests",
        ["GET /synthesis/export.md"] = "synthesis download; ExportVisibilityTests",
        ["GET /synthesis/export.docx"] = "synthesis download; ExportVisibilityTests",
        ["GET /reports/{cycleSlug}/questionnaire.docx"] = "a cycle's blank questionnaire: the questions are not secret",
        ["GET /states/{iso3}/reports/{cycleSlug}/report.docx"] = "a published national report, TLP filtered by ReportVisibility; ReportDocumentTests",
        ["GET /reports"] = "cycles with published national reports (ReportVisibilityTests)",
        ["GET /reports/{cycleslug}"] = "a cycle's published reports norm by norm; ReportVisibilityTests",
        ["GET /reports/{cycleslug}/states"] = "the States behind a number of the norm view; ReportVisibilityTests",
        ["GET /reports/{cycleslug}/compare"] = "published reports side by side; ReportVisibilityTests",
        ["GET /reports/search"] = "search over published report parts; ReportVisibilityTests",
        ["GET /states/{iso3}/reports/{cycleslug}"] = "a State's published national report, TLP filtered by ReportVisibility; ReportAuthorizationMatrixTests",
        ["GET /states/{iso3}/reports/changes"] = "changes between two published reports, each TLP filtered; ReportAuthorizationMatrixTests",

        // Public read-only API and feeds, TLP:CLEAR only (ApiVisibilityTests, AtomFeedTests).
        ["GET /api/v1/norms"] = "API",
        ["GET /api/v1/norms/{number:int}"] = "API",
        ["GET /api/v1/states"] = "API",
        ["GET /api/v1/states/{iso3}"] = "API",
        ["GET /api/v1/groups"] = "API",
        ["GET /api/v1/groups/{slug}"] = "API",
        ["GET /api/v1/cycles"] = "API",
        ["GET /api/v1/cycles/{slug}"] = "API",
        ["GET /api/v1/entries"] = "API",
        ["GET /api/v1/entries/{id:int}"] = "API",
        ["GET /api/v1/synthesis"] = "API",
        ["GET /api/v1/reports"] = "API; TLP:CLEAR reports only (ReportVisibilityTests)",
        ["GET /api/v1/reports/{iso3}/{cycleSlug}"] = "API; TLP:CLEAR reports only (ReportVisibilityTests)",
        ["GET /capacity"] = "published needs and offers, filtered by CapacityVisibility (CapacityReadTests)",
        ["GET /capacity/{side:regex(^(needs|offers)$)}.csv"] = "public (TLP:CLEAR) needs or offers as CSV (CapacityReadTests)",
        ["GET /api/v1/capacity/needs"] = "API; TLP:CLEAR published needs only (CapacityReadTests)",
        ["GET /api/v1/capacity/offers"] = "API; TLP:CLEAR published offers only (CapacityReadTests)",
        ["GET /reports.atom"] = "Atom feed of national reports; ReportVisibilityTests",
        ["GET /api/v1/openapi.json"] = "the API's contract",
        ["GET /feed.atom"] = "Atom feed of publications",
        ["GET /norms/{number:int}/feed.atom"] = "Atom feed of one norm",
        ["GET /states/{iso3}/feed.atom"] = "Atom feed of one State",

        // Probes for the load balancer and orchestrator: no data beyond up/ready.
        ["GET /healthz"] = "liveness",
        ["HEAD /healthz"] = "liveness",
        ["GET /healthz/ready"] = "readiness",
        ["HEAD /healthz/ready"] = "readiness",

        // Error and status pages, re-executed for any request (a POST that failed re-executes as POST).
        ["GET /error"] = "error page",
        ["POST /error"] = "error page, re-executed after a failed POST",
        ["GET /status/{code:int}"] = "status-code page (404, 403, …)",

        // Getting in: these must work before signing in. Each is covered by its own tests under Pages/Account.
        ["GET /account/sign-in"] = "sign-in form",
        ["POST /account/sign-in"] = "sign-in (lockout: LockoutTests)",
        ["GET /account/sign-in/two-factor"] = "second step, needs the first step's cookie",
        ["POST /account/sign-in/two-factor"] = "second step",
        ["GET /account/sign-out"] = "sign-out confirmation",
        ["POST /account/sign-out"] = "signs out whoever is signed in",
        ["GET /account/forgot-password"] = "asks for a reset e-mail",
        ["POST /account/forgot-password"] = "queues a reset e-mail; answers the same for unknown addresses",
        ["GET /account/reset-password"] = "needs the e-mailed token",
        ["POST /account/reset-password"] = "needs the e-mailed token",
        ["GET /account/accept-invitation"] = "needs the invitation token",
        ["POST /account/accept-invitation"] = "needs the invitation token",
        ["GET /account/access-denied"] = "where refusals land",
    };

    /// <summary>Everything the authorization matrices ask about, gathered from the matrices themselves.</summary>
    public static IReadOnlySet<string> CoveredByMatrices =>
        EntryAuthorizationMatrixTests.CoveredEndpoints
            .Concat(AdminAccessTests.CoveredEndpoints)
            .Concat(AccountAccessTests.CoveredEndpoints)
            .Concat(NormTextTests.CoveredEndpoints)
            .Concat(DashboardTests.CoveredEndpoints)
            .Concat(ReminderTests.CoveredEndpoints)
            .Concat(QuestionnaireAccessTests.CoveredEndpoints)
            .Concat(ReportAuthorizationMatrixTests.CoveredEndpoints)
            .Concat(CapacityAuthorizationMatrixTests.CoveredEndpoints)
            .Concat(Pages.Capacity.CapacityReadTests.CoveredEndpoints)
            .Concat(Pages.Moderation.OrganisationsTests.CoveredEndpoints)
            .Concat(CapacityMatchMatrixTests.CoveredEndpoints)
            .ToHashSet(StringComparer.Ordinal);

    [Fact]
    public async Task EveryEndpoint_IsCoveredByAnAuthorizationMatrixOrListedPublic()
    {
        var endpoints = await Portal.AllAsync();
        var covered = CoveredByMatrices;

        var unaccounted = endpoints.Where(e => !covered.Contains(e.Key) && !PublicEndpoints.ContainsKey(e.Key)).Select(e => e.Key).ToList();

        Assert.True(unaccounted.Count == 0, "Neither in an authorization matrix nor listed public:\n" + string.Join("\n", unaccounted));
        output.WriteLine($"{endpoints.Count} endpoints: {endpoints.Count(e => covered.Contains(e.Key))} in authorization matrices, "
            + $"{endpoints.Count(e => PublicEndpoints.ContainsKey(e.Key))} public ({endpoints.Count(e => e.IsPage)} page handlers).");
    }

    [Fact]
    public async Task Lists_NameOnlyEndpointsTheAppHas()
    {
        var keys = (await Portal.AllAsync()).Select(e => e.Key).ToHashSet(StringComparer.Ordinal);

        var stale = CoveredByMatrices.Concat(PublicEndpoints.Keys).Where(k => !keys.Contains(k)).ToList();

        Assert.True(stale.Count == 0, "Listed but not in the app (renamed or removed?):\n" + string.Join("\n", stale));
    }

    [Fact]
    public async Task PublicEndpoints_AskForNoSignIn_AndEverythingElseDoes()
    {
        var endpoints = await Portal.AllAsync();

        var publicButProtected = endpoints.Where(e => PublicEndpoints.ContainsKey(e.Key) && e.RequiresSignIn).Select(e => e.Key).ToList();
        var protectedButOpen = endpoints.Where(e => !PublicEndpoints.ContainsKey(e.Key) && !e.RequiresSignIn).Select(e => e.Key).ToList();

        Assert.True(publicButProtected.Count == 0, "Listed public but requires sign-in:\n" + string.Join("\n", publicButProtected));
        Assert.True(protectedButOpen.Count == 0, "Not listed public yet open to anonymous visitors:\n" + string.Join("\n", protectedButOpen));
    }
}
