using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;
using CyberNormPortal.Web.Localization;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using static CyberNormPortal.Web.Identity.PortalRoles;

namespace CyberNormPortal.Web.IntegrationTests.Localization;

/// <summary>
/// Every page, signed out and signed in as each role, in each of the six languages, as a reader who follows a
/// link with the language in its path (<c>/fr/norms/3</c>): it answers, says which language and direction it is in,
/// shows no English text of the interface (checked against the resource files, key by key), and its language
/// switcher leads to the same page in each other language.
/// </summary>
public sealed partial class SixLanguagePagesTests(PortalFixture portal) : PortalTest(portal)
{
    /// <summary>GET pages that a reader reaches only in the middle of a flow, each with where that flow is checked.</summary>
    private static readonly IReadOnlyDictionary<string, string> ReachedInAFlow = new Dictionary<string, string>
    {
        ["/error"] = "shown only when a request fails (ErrorPageTests); its text is checked through /status/404",
        ["/search/export.{format:regex(^(csv|json)$)}"] = "a file, not a page (CSV header: ExportTests)",
        ["/capacity/{side:regex(^(needs|offers)$)}.csv"] = "a file, not a page (CapacityReadTests)",
        ["/moderation/capacity/figures.csv"] = "a file, not a page (CapacityReadTests)",
        ["/account/confirm-password"] = "asked for before a sensitive change, from the account pages",
    };

    public static TheoryData<string> Cultures() => [.. PortalCultures.All.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Cultures))]
    public async Task EveryPage_ForEveryRole_IsInTheLanguageOfItsAddress(string name)
    {
        var culture = PortalCultures.Find(name)!;
        var english = Resources.EnglishTextsThatMustNotShowIn(culture.Name);
        var own = Resources.TextsOf(culture.Name);
        var problems = new List<string>();
        var visits = await VisitsAsync();

        foreach (var visit in visits)
        {
            var address = $"/{culture.Name}{visit.Path}";
            var page = await visit.Browser.GetAsync(address);
            var where = $"{visit.Who} {address}";
            if (page.Status != visit.Status)
            {
                problems.Add($"{where}: {(int)page.Status}, expected {(int)visit.Status}");
                continue;
            }

            var html = page.Document.DocumentElement;
            if (html.GetAttribute("lang") != culture.Name || html.GetAttribute("dir") != culture.Direction)
            {
                problems.Add($"{where}: <html lang=\"{html.GetAttribute("lang")}\" dir=\"{html.GetAttribute("dir")}\">");
            }

            problems.AddRange(EnglishLeftOn(page.Document, culture.Name, english, own).Select(text => $"{where}: English text \"{text}\""));
            problems.AddRange(SwitcherProblems(page.Document, visit.Path).Select(p => $"{where}: {p}"));
        }

        foreach (var visit in visits.DistinctBy(v => v.Browser))
        {
            visit.Browser.Dispose();
        }

        Assert.True(problems.Count == 0, $"{problems.Count} problems in {culture.Name}:\n" + string.Join('\n', problems.Distinct().Take(200)));
    }

    [Fact]
    public async Task TheListOfVisitedPages_NamesEveryPageOfTheApp()
    {
        var visits = await VisitsAsync();
        var routes = (await Portal.AllAsync()).Where(e => e.IsPage && e.Verb == "GET").Select(e => e.Route).Distinct().ToList();

        var unvisited = routes
            .Where(route => !ReachedInAFlow.ContainsKey(route))
            .Where(route => !visits.Any(v => RoutePattern(route).IsMatch(new PathString(v.Path.Split('?')[0]).Value!)))
            .ToList();

        Assert.True(unvisited.Count == 0, "Pages no language test visits:\n" + string.Join('\n', unvisited));
    }

    [Fact]
    public async Task TheHomePage_WithoutALanguage_OpensInTheBrowsersLanguage_AndRemembersTheChoice()
    {
        using var browser = Portal.NewBrowser();
        browser.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("de-DE, es;q=0.8, en;q=0.5");

        var home = await browser.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, home.Status);
        Assert.Equal("/es/", home.RedirectPath);

        await browser.GetAsync("/ru/norms");
        var again = await browser.GetAsync("/");
        Assert.Equal("/ru/", again.RedirectPath);
        var unprefixed = await browser.GetAsync("/norms");
        Assert.Equal("ru", unprefixed.Document.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task APage_ListsEachLanguageNamedInItself_WithHreflangAlternates()
    {
        using var browser = Portal.NewBrowser();

        var page = await browser.GetAsync("/zh/search?q=csirt&norm=3");

        var switcher = page.Document.QuerySelectorAll(".language-nav a").Select(a => (a.TextContent, a.GetAttribute("lang"), a.GetAttribute("href"))).ToList();
        Assert.Equal(
            [("العربية", "ar", "/ar/search?q=csirt&norm=3"), ("中文", "zh", "/zh/search?q=csirt&norm=3"), ("English", "en", "/en/search?q=csirt&norm=3"),
             ("Français", "fr", "/fr/search?q=csirt&norm=3"), ("Русский", "ru", "/ru/search?q=csirt&norm=3"), ("Español", "es", "/es/search?q=csirt&norm=3")],
            switcher);
        var alternates = page.Document.QuerySelectorAll("link[rel='alternate'][hreflang]").Select(l => $"{l.GetAttribute("hreflang")} {l.GetAttribute("href")}").ToList();
        Assert.Contains("fr /fr/search?q=csirt&norm=3", alternates);
        Assert.Contains("x-default /search?q=csirt&norm=3", alternates);
        Assert.Equal(7, alternates.Count);
    }

    /// <summary>Who opens which page, and what it must answer.</summary>
    private sealed record Visit(string Who, Browser Browser, string Path, HttpStatusCode Status = HttpStatusCode.OK);

    private async Task<IReadOnlyList<Visit>> VisitsAsync()
    {
        await Portal.OpenCycleAsync();
        var published = await Portal.PublishAsync("KEN");
        var contributor = await Portal.CreateUserAsync(Contributor, "KEN");
        var draft = await Portal.CreateEntryAsync(contributor, EntryStatus.Draft);
        var submitted = await Portal.CreateEntryAsync(contributor, EntryStatus.Submitted, title: "Submitted: a national CSIRT");
        var approver = await Portal.CreateUserAsync(Approver, "KEN");
        var moderator = await Portal.CreateUserAsync(Moderator);
        var administrator = await Portal.CreateUserAsync(Administrator);
        var analyst = await Portal.CreateUserAsync(Analyst);
        var coordinator = await Portal.CreateCoordinatorAsync();
        var organisation = await Portal.CreateOrganisationAsync("Africa CERT network", "https://africacert.example.org");
        await Portal.CreateOrganisationContactAsync(organisation);
        var (cycle, group) = await Portal.WithDbAsync(async db => (await db.Cycles.Select(c => c.Id).FirstAsync(), await db.Groups.Select(g => g.Id).FirstAsync()));
        var (earlierReports, laterReports) = (await Portal.OpenCycleAsync("Reporting 2025"), await Portal.OpenCycleAsync("Reporting 2026"));
        await Portal.CreateQuestionnaireAsync(earlierReports);
        await Portal.CreateQuestionnaireAsync(laterReports);
        await Portal.CreateReportAsync("KEN", earlierReports, EntryStatus.Published);
        await Portal.CreateReportAsync("FRA", earlierReports, EntryStatus.Published);
        await Portal.CreateReportAsync("FRA", laterReports, EntryStatus.Published);
        var workingReport = await Portal.CreateReportAsync("KEN", laterReports, EntryStatus.Draft);
        var (earlierSlug, laterSlug, normsPart) = await Portal.WithDbAsync(async db => (
            await db.Cycles.Where(c => c.Id == earlierReports).Select(c => c.Slug).SingleAsync(),
            await db.Cycles.Where(c => c.Id == laterReports).Select(c => c.Slug).SingleAsync(),
            await db.Questionnaires.Where(q => q.CycleId == laterReports).SelectMany(q => q.Parts).Where(p => p.Kind == Domain.Reports.PartKind.Norms).Select(p => p.Key).SingleAsync()));
        var reportsCycle = await Portal.WithDbAsync(db => db.Cycles.Where(c => c.Id == cycle).Select(c => c.Slug).SingleAsync());
        var (withQuestionnaire, questionKey) = await QuestionnaireAsync();
        var (reportCycle, reportSlug) = await Pages.Reports.ReportReadingTests.ReportCycleAsync(Portal);
        await Portal.CreateReportAsync("KEN", reportCycle, EntryStatus.Published);
        var capacityDraft = await Portal.CreateCapacityItemAsync(Domain.Capacity.CapacitySide.Need, "KEN", status: EntryStatus.Draft);
        var capacitySubmittedOffer = await Portal.CreateCapacityItemAsync(Domain.Capacity.CapacitySide.Offer, "KEN", status: EntryStatus.Submitted);
        await Portal.CreateReportAsync("FRA", reportCycle, EntryStatus.Published, actionStatus: Domain.Reports.ChecklistStatus.InProgress);
        var reportAction = await Portal.WithDbAsync(db => db.PublishedActionStatuses.Where(a => a.CycleId == reportCycle).Select(a => a.ActionKey).FirstAsync());
        var capacityNeed = await Portal.CreateCapacityItemAsync(Domain.Capacity.CapacitySide.Need, "KEN", norms: [10, 3], actionKeys: [reportAction]);
        var capacityOffer = await Portal.CreateCapacityItemAsync(Domain.Capacity.CapacitySide.Offer, "FRA", norms: [10], languages: ["en", "fr"]);
        var capacityMatch = await Portal.CreateMatchAsync(capacityNeed, capacityOffer, needConsents: true, offerConsents: true);

        var anonymous = Portal.NewBrowser();
        var asContributor = await Portal.SignInAsync(contributor);
        var asApprover = await Portal.SignInAsync(approver);
        var asModerator = await Portal.SignInAsync(moderator);
        var asAdministrator = await Portal.SignInAsync(administrator);
        var asAnalyst = await Portal.SignInAsync(analyst);
        var asCoordinator = await Portal.SignInAsync(coordinator);
        var halfwaySignedIn = Portal.NewBrowser();
        var firstStep = await halfwaySignedIn.SubmitAsync("/account/sign-in", new Dictionary<string, object?>
        {
            ["Input.Email"] = moderator.Email,
            ["Input.Password"] = moderator.Password,
        });
        Assert.Equal("/account/sign-in/two-factor", firstStep.RedirectPath?.Split('?')[0]);

        Visit[] signedOut =
        [
            new("anonymous", anonymous, "/"),
            new("anonymous", anonymous, "/norms"),
            new("anonymous", anonymous, "/norms/3"),
            new("anonymous", anonymous, "/states"),
            new("anonymous", anonymous, "/states/ken"),
            new("anonymous", anonymous, "/synthesis"),
            new("anonymous", anonymous, "/synthesis?region=African&norm=3"),
            new("anonymous", anonymous, "/search"),
            new("anonymous", anonymous, "/search?q=csirt&norm=3"),
            new("anonymous", anonymous, "/search?q=nothing-matches-this"),
            new("anonymous", anonymous, "/search?norm=99"),
            new("anonymous", anonymous, "/coverage"),
            new("anonymous", anonymous, "/compare?states=KEN&states=FRA"),
            new("anonymous", anonymous, $"/entries/{published}"),
            new("anonymous", anonymous, $"/capacity/{capacityNeed}"),
            new("anonymous", anonymous, $"/capacity/{capacityOffer}"),
            new("anonymous", anonymous, $"/states/ken/reports/{earlierSlug}"),
            new("anonymous", anonymous, $"/states/fra/reports/changes?from={earlierSlug}&to={laterSlug}"),
            new("anonymous", anonymous, "/reports"),
            new("anonymous", anonymous, $"/reports/{reportSlug}"),
            new("anonymous", anonymous, $"/reports/{reportSlug}/states?action={reportAction}&status=Implemented"),
            new("anonymous", anonymous, $"/reports/{reportSlug}/states?norm=1&status=InProgress"),
            new("anonymous", anonymous, $"/reports/{reportSlug}/states?norm=1"),
            new("anonymous", anonymous, $"/reports/{reportSlug}/compare?states=KEN&states=FRA"),
            new("anonymous", anonymous, $"/reports/{reportSlug}/compare?states=KEN"),
            new("anonymous", anonymous, "/reports/search?q=csirt"),
            new("anonymous", anonymous, $"/coverage?view=checklist&cycle={reportSlug}"),
            new("anonymous", anonymous, "/capacity"),
            new("anonymous", anonymous, "/capacity?side=need&norm=3&kind=Training&region=African&language=fr&state=SEN&q=cert"),
            new("anonymous", anonymous, "/capacity?norm=99&side=sideways"),
            new("anonymous", anonymous, "/coverage?view=capacity"),
            new("anonymous", anonymous, "/account/sign-in"),
            new("anonymous", anonymous, "/account/forgot-password"),
            new("anonymous", anonymous, "/account/reset-password?email=nobody%40example.org&token=made-up"),
            new("anonymous", anonymous, "/account/accept-invitation?token=made-up-token", HttpStatusCode.Gone),
            new("anonymous", anonymous, "/account/access-denied", HttpStatusCode.Forbidden),
                        new("anonymous", anonymous, "/status/404"),
            new("anonymous", anonymous, "/no-such-page", HttpStatusCode.NotFound),
            new("anonymous", anonymous, "/entries/999999", HttpStatusCode.NotFound),
            new("half signed in", halfwaySignedIn, "/account/sign-in/two-factor"),
        ];
        Visit[] signedIn =
        [
            new("contributor", asContributor, "/"),
            new("contributor", asContributor, "/my"),
            new("contributor", asContributor, "/my/reminders"),
            new("contributor", asContributor, "/entries/new"),
            new("contributor", asContributor, $"/entries/{draft}/review"),
            new("contributor", asContributor, $"/entries/{draft}/edit"),
            new("contributor", asContributor, $"/entries/{draft}/history"),
            new("contributor", asContributor, "/my/reports"),
            new("contributor", asContributor, $"/reports/work/{workingReport}"),
            new("contributor", asContributor, $"/reports/work/{workingReport}/parts/{normsPart}"),
            new("contributor", asContributor, "/my/capacity"),
            new("contributor", asContributor, "/capacity/new?side=need"),
            new("contributor", asContributor, "/capacity/new?side=offer"),
            new("contributor", asContributor, $"/capacity/work/{capacityDraft}"),
            new("approver", asApprover, $"/capacity/work/{capacitySubmittedOffer}"),
            new("contributor", asContributor, "/account"),
            new("contributor", asContributor, "/account/change-password"),
            new("contributor", asContributor, "/account/two-factor"),
            new("contributor", asContributor, "/account/sign-out"),
            new("approver", asApprover, "/review"),
            new("approver", asApprover, $"/entries/{submitted}/review"),
            new("approver", asApprover, $"/entries/{published}"),
            new("moderator", asModerator, "/moderation"),
            new("moderator", asModerator, "/moderation/capacity"),
            new("moderator", asModerator, $"/capacity/matches/{capacityMatch}"),
            new("moderator", asModerator, $"/capacity/{capacityOffer}"),
            new("contributor", asContributor, $"/capacity/{capacityNeed}"),
            new("contributor", asContributor, $"/capacity/matches/{capacityMatch}"),
            new("moderator", asModerator, "/moderation/norm-texts?norm=1&language=fr"),
            new("moderator", asModerator, "/moderation/reports"),
            new("moderator", asModerator, "/moderation/capacity/figures"),
            new("moderator", asModerator, $"/moderation/reports/{reportsCycle}"),
            new("moderator", asModerator, $"/moderation/reports/{reportsCycle}?region=African&progress=NotStarted"),
            new("moderator", asModerator, "/search?q=csirt"),
            new("moderator", asModerator, "/moderation/organisations"),
            new("moderator", asModerator, $"/moderation/organisations/{organisation}"),
            new("administrator", asAdministrator, "/moderation/organisations"),
            new("administrator", asAdministrator, "/admin"),
            new("administrator", asAdministrator, "/admin/users"),
            new("administrator", asAdministrator, $"/admin/users/{contributor.Id}"),
            new("administrator", asAdministrator, "/admin/invitations"),
            new("administrator", asAdministrator, "/admin/audit"),
            new("administrator", asAdministrator, "/admin/states"),
            new("administrator", asAdministrator, "/admin/groups"),
            new("administrator", asAdministrator, $"/admin/groups/edit/{group}"),
            new("administrator", asAdministrator, "/admin/groups/edit"),
            new("administrator", asAdministrator, "/admin/cycles"),
            new("administrator", asAdministrator, $"/admin/cycles/edit/{cycle}"),
            new("administrator", asAdministrator, "/admin/cycles/edit"),
            new("administrator", asAdministrator, $"/admin/cycles/{cycle}/questionnaire"),
            new("moderator", asModerator, $"/admin/cycles/{withQuestionnaire}/questionnaire"),
            new("moderator", asModerator, $"/admin/cycles/{withQuestionnaire}/questionnaire?edit={questionKey}"),
            new("analyst", asAnalyst, "/synthesis"),
            new("analyst", asAnalyst, "/account"),
            new("group coordinator", asCoordinator, "/my"),
            new("group coordinator", asCoordinator, "/entries/new"),
        ];
        return [.. signedOut, .. signedIn];
    }

    /// <summary>
    /// A cycle whose questionnaire has a question of each kind and a checklist action, its parts titled in no language
    /// the interface translates (they are the secretariat's words); and the key of one question to open for editing.
    /// </summary>
    private Task<(int Cycle, string QuestionKey)> QuestionnaireAsync() => Portal.WithDbAsync(async db =>
    {
        var cycle = new Domain.Cycles.ReportingCycle("six-languages-questionnaire", "Questionnaire cycle", new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), null, isOpen: true);
        db.Cycles.Add(cycle);
        await db.SaveChangesAsync();
        var questionnaire = Domain.Reports.Questionnaire.CreateDefault(cycle.Id, new Dictionary<Domain.Reports.PartKind, string>
        {
            [Domain.Reports.PartKind.InternationalLaw] = "Part A (law)",
            [Domain.Reports.PartKind.Norms] = "Part B (norms)",
            [Domain.Reports.PartKind.ConfidenceBuilding] = "Part C (CBMs)",
            [Domain.Reports.PartKind.CapacityBuilding] = "Part D (capacity)",
        }, DateTimeOffset.UtcNow);
        var first = questionnaire.OrderedParts.First().Key;
        var question = questionnaire.AddQuestion(first, Domain.Reports.QuestionKind.SingleChoice, "Which one applies, A or B?", ["A applies", "B applies"]);
        foreach (var kind in new[] { Domain.Reports.QuestionKind.MultipleChoice, Domain.Reports.QuestionKind.FreeText, Domain.Reports.QuestionKind.YesNo, Domain.Reports.QuestionKind.EntryLinks })
        {
            questionnaire.AddQuestion(first, kind, $"Question {kind}?", kind == Domain.Reports.QuestionKind.MultipleChoice ? ["A applies", "B applies"] : []);
        }

        questionnaire.AddAction(3, "Have a channel for notifications.", "A/76/135");
        db.Questionnaires.Add(questionnaire);
        await db.SaveChangesAsync();
        return (cycle.Id, question.Key);
    });

    /// <summary>
    /// Texts of the page that are, whole, the English of a resource the page's language translates: every text node
    /// and every label attribute outside blocks that declare a language of their own (an entry written in English).
    /// </summary>
    private static IEnumerable<string> EnglishLeftOn(IDocument document, string language, IReadOnlyList<Regex> english, IReadOnlyList<Regex> own)
    {
        var texts = document.Body!.Descendants().OfType<IText>().Where(t => t.ParentElement is not null)
            .Select(t => (Element: t.ParentElement!, Text: Text.Collapse(t.Data)))
            .Concat(document.All.SelectMany(e => new[] { "aria-label", "title", "placeholder", "alt", "value" }
                .Where(a => e.HasAttribute(a) && (a != "value" || (e.LocalName is "input" && e.GetAttribute("type") is "submit" or "button" or "reset")))
                .Select(a => (Element: e, Text: Text.Collapse(e.GetAttribute(a)!)))))
            .Concat([(document.DocumentElement, Text.Collapse(document.Title ?? ""))]);
        foreach (var (element, text) in texts)
        {
            if (text.Length == 0 || element.Closest("script, style, .language-nav") is not null || LanguageOf(element) != language)
            {
                continue;
            }

            if (english.Any(pattern => pattern.IsMatch(text)) && !own.Any(pattern => pattern.IsMatch(text)))
            {
                yield return text;
            }
        }
    }

    private static string? LanguageOf(IElement element) => element.Closest("[lang]")?.GetAttribute("lang");

    private static IEnumerable<string> SwitcherProblems(IDocument document, string path)
    {
        var links = document.QuerySelectorAll(".language-nav a").Select(a => (Language: a.GetAttribute("lang"), Href: a.GetAttribute("href"))).ToList();
        foreach (var culture in PortalCultures.All)
        {
            var expected = $"/{culture.Name}{path}";
            if (!links.Contains((culture.Name, expected)))
            {
                yield return $"no switcher link to {expected}";
            }
        }
    }

    /// <summary>A route template ("/entries/{id:int}/edit", "/admin/cycles/edit/{id:int?}") as a pattern of paths.</summary>
    private static Regex RoutePattern(string route)
    {
        var pattern = OptionalParameter().Replace(route, "(/[^/]+)?");
        pattern = Parameter().Replace(pattern, "[^/]+");
        return new Regex("^" + pattern.TrimEnd('/') + "/?$", RegexOptions.IgnoreCase);
    }

    [GeneratedRegex(@"/\{[^}]*\?\}")]
    private static partial Regex OptionalParameter();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Parameter();
}
