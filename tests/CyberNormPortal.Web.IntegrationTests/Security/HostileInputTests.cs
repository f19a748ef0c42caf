using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Web.Identity;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace CyberNormPortal.Web.IntegrationTests.Security;

/// <summary>
/// A corpus of hostile and awkward text pushed through the entry form and the public query strings, then read
/// back wherever it shows: no script, event handler or javascript: link comes from user text, nothing answers
/// 500, and non-Latin text comes back as it went in.
/// </summary>
public sealed class HostileInputTests(PortalFixture portal, ITestOutputHelper output) : PortalTest(portal)
{
    private static readonly string[] NonLatin = ["日本語のテキスト", "العربية نص", "Русский текст", "中文 简体", "עברית", "हिन्दी", "Ελληνικά", "한국어", "ไทย"];

    public static readonly IReadOnlyList<string> Payloads =
    [
        "<script>alert(1)</script>", "<SCRIPT SRC=//evil.example/x.js></SCRIPT>", "<scr<script>ipt>alert(1)</script>",
        "\"><script>alert(1)</script>", "'><script>alert(1)</script>", "</textarea><script>alert(1)</script>", "</title><script>alert(1)</script>",
        "<img src=x onerror=alert(1)>", "<img src=\"x\" onerror=\"alert(1)\">", "<body onload=alert(1)>", "<div onmouseover=\"alert(1)\">hover</div>",
        "<svg onload=alert(1)>", "<svg><script>alert(1)</script></svg>", "<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>", "<iframe src=\"javascript:alert(1)\"></iframe>",
        "<a href=\"javascript:alert(1)\">click</a>", "<a href=\"JaVaScRiPt:alert(1)\">click</a>", "<a href=\"java&#x09;script:alert(1)\">tab</a>",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">data</a>", "[click](javascript:alert(1))", "[click](JAVASCRIPT:alert(1))",
        "[data](data:text/html,<script>alert(1)</script>)", "![img](javascript:alert(1))", "<javascript:alert(1)>", "[x](vbscript:msgbox(1))",
        "<object data=\"javascript:alert(1)\"></object>", "<embed src=\"javascript:alert(1)\">", "<form action=\"javascript:alert(1)\"><button>x</button></form>",
        "<input autofocus onfocus=alert(1)>", "<details open ontoggle=alert(1)>", "<video><source onerror=alert(1)></video>", "<style>@import 'javascript:alert(1)'</style>",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">", "<base href=\"javascript:alert(1)//\">", "<link rel=stylesheet href=javascript:alert(1)>",
        "<<script>alert(1)//<</script>", "<img src=x onerror=alert(1)//", "<div <script>alert(1)</script>", "<!--<script>alert(1)</script>-->", "<![CDATA[<script>alert(1)</script>]]>",
        "<p>unclosed <b>bold <i>italic", "</div></main></body></html>", "{{constructor.constructor('alert(1)')()}}", "${alert(1)}", "@(System.Environment.Exit(1))",
        "'; DROP TABLE \"Entries\"; --", "' OR '1'='1", "1; SELECT pg_sleep(5)", "\" OR \"\"=\"", "%' AND 1=1 --", "Robert'); DELETE FROM \"AuditRecords\";--",
        "a & b | c ! d", "title:(x) -y \"z", "\\u003cscript\\u003e", "%3Cscript%3Ealert(1)%3C/script%3E", "&lt;script&gt;alert(1)&lt;/script&gt;",
        "nul\0byte", "bell\u0007 escape\u001b[31m red", "line\r\nbreak\u2028sep\u2029para", "\u202Etxt.exe\u202C right-to-left override", "zero\u200Bwidth\uFEFFbom",
        "emoji 🔐🛡️👩🏽‍💻 flags 🇰🇪🇫🇷", "\uD800 lone surrogate", .. NonLatin, new string('A', 100_000),
    ];

    private static readonly string[] QueryPaths = ["/search", "/coverage", "/synthesis", "/compare", "/api/v1/entries", "/search/export.csv"];

    private static readonly string[] QueryParameters = ["q", "state", "states", "group", "region", "cycle", "norm", "kind", "category", "language", "year", "view", "page", "a", "b"];

    [Fact]
    public async Task QueryStrings_HostilePayloads_NeverFailOrInjectMarkup()
    {
        using var browser = Portal.NewBrowser();
        var tried = 0;
        var failures = new List<string>();

        foreach (var payload in Payloads)
        {
            foreach (var path in QueryPaths)
            {
                var query = string.Join("&", QueryParameters.Select(p => $"{p}={Uri.EscapeDataString(payload)}"));
                using var response = await browser.Client.GetAsync($"{path}?{query}");
                tried += QueryParameters.Length;
                var body = await response.Content.ReadAsStringAsync();
                if (response.StatusCode == HttpStatusCode.InternalServerError)
                {
                    failures.Add($"500 on {path} for {Describe(payload)}");
                }

                failures.AddRange(await InjectionsAsync(body, response.Content.Headers.ContentType?.MediaType, $"{path} {Describe(payload)}"));
            }
        }

        output.WriteLine($"{Payloads.Count} payloads × {QueryPaths.Length} paths × {QueryParameters.Length} parameters = {tried} query values");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(40)));
    }

    [Fact]
    public async Task EntryForm_HostilePayloads_SavedPreviewedPublishedAndRendered_NeverInjectMarkup()
    {
        await Portal.OpenCycleAsync();
        var (browser, _) = await Portal.SignInAsAsync(PortalRoles.Contributor, "KEN");
        var failures = new List<string>();
        var tried = 0;

        foreach (var payload in Payloads)
        {
            var fields = new Dictionary<string, object?>
            {
                ["Input.NormNumber"] = "3",
                ["Input.Kind"] = "BestPractice",
                ["Input.PracticeCategories"] = "Awareness",
                ["Input.Visibility"] = "Clear",
                ["Input.Title"] = payload,
                ["Input.Summary"] = payload,
                ["Input.Body"] = payload,
                ["Input.References[0].Title"] = payload,
                ["Input.References[0].Url"] = payload,
            };
            tried += 5;
            foreach (var command in new[] { "preview", "save" })
            {
                fields["Command"] = command;
                var response = await browser.SubmitAsync("/entries/new", fields);
                if (response.Status == HttpStatusCode.Redirect)
                {
                    response = await browser.FollowAsync(response);
                }

                Check(response.Status, response.Document, $"form {command} {Describe(payload)}", failures);
            }

            // Published straight in the database (the workflow has its own tests), within the form's limits, then read
            // everywhere published text shows. As a form post would carry it: UTF-8 (a lone surrogate becomes U+FFFD),
            // and without NUL, which PostgreSQL text cannot hold.
            var clean = System.Text.Encoding.UTF8.GetString(System.Text.Encoding.UTF8.GetBytes(payload)).Replace("\0", "", StringComparison.Ordinal);
            var id = await Portal.PublishAsync("KEN", title: Cut(clean, 200), summary: Cut(clean, 1_000), body: Cut(clean, 50_000));
            foreach (var url in new[] { $"/entries/{id}", $"/search?q={Uri.EscapeDataString(Cut(clean, 100))}", "/search", "/synthesis", "/norms/3", "/states/KEN" })
            {
                using var page = await browser.Client.GetAsync(url);
                var html = await page.Content.ReadAsStringAsync();
                var document = await BrowsingContext.New(Configuration.Default).OpenAsync(r => r.Content(html));
                Check(page.StatusCode, document, $"{url} {Describe(payload)}", failures);
                if (url == $"/entries/{id}" && NonLatin.Contains(payload) && !document.Body!.TextContent.Contains(payload, StringComparison.Ordinal))
                {
                    failures.Add($"{payload} did not come back intact on the entry page");
                }
            }

            foreach (var url in new[] { "/feed.atom", $"/api/v1/entries/{id}" })
            {
                using var response = await browser.Client.GetAsync(url);
                var body = await response.Content.ReadAsStringAsync();
                if (response.StatusCode == HttpStatusCode.InternalServerError)
                {
                    failures.Add($"500 on {url} for {Describe(payload)}");
                }

                if (NonLatin.Contains(payload) && !System.Text.Json.JsonDocument.Parse(url.StartsWith("/api", StringComparison.Ordinal) ? body : "{}").RootElement.ToString().Contains(payload, StringComparison.Ordinal)
                    && url.StartsWith("/api", StringComparison.Ordinal))
                {
                    failures.Add($"{payload} did not come back intact in the API");
                }
            }
        }

        output.WriteLine($"{Payloads.Count} payloads × 5 form fields (title, summary, body, reference title, reference URL) = {tried}, each previewed and saved; "
            + "each also published and read on 8 pages and documents");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(40)));
    }

    [Fact]
    public async Task ReviewReasonsAndAdministratorsForms_HostilePayloads_NeverInjectMarkup()
    {
        await Portal.OpenCycleAsync();
        var contributor = await Portal.CreateUserAsync(PortalRoles.Contributor, "KEN");
        using var author = await Portal.SignInAsync(contributor);
        var (approver, _) = await Portal.SignInAsAsync(PortalRoles.Approver, "KEN");
        var (administrator, _) = await Portal.SignInAsAsync(PortalRoles.Administrator);
        var failures = new List<string>();
        var tried = 0;

        for (var i = 0; i < Payloads.Count; i++)
        {
            var payload = Payloads[i];

            // A reason for returning an entry: shown to the author on /my and in the entry's history.
            var id = await Portal.CreateEntryAsync(contributor, EntryStatus.Submitted, title: $"Entry {i}");
            var review = await approver.GetAsync($"/entries/{id}/review");
            var returned = await approver.SubmitAsync(review, new Dictionary<string, object?> { ["reason"] = Cut(payload, 2_000) }, "#action-return");
            Check(returned.Status, returned.Document, $"return reason {Describe(payload)}", failures);
            foreach (var url in new[] { "/my", $"/entries/{id}/history", $"/entries/{id}/review" })
            {
                var page = await author.GetAsync(url);
                Check(page.Status, page.Document, $"{url} after return reason {Describe(payload)}", failures);
            }

            // A person's name on an invitation, and a reporting cycle's name: shown in lists and scope pickers.
            var invited = await administrator.SubmitAsync("/admin/invitations", new Dictionary<string, object?>
            {
                ["Input.Email"] = $"invitee{i}@example.org",
                ["Input.DisplayName"] = Cut(payload, 200),
                ["Input.Role"] = PortalRoles.Analyst,
            });
            var cycle = await administrator.SubmitAsync("/admin/cycles/edit", new Dictionary<string, object?>
            {
                ["Input.Name"] = Cut(payload, 200),
                ["Input.Slug"] = $"hostile-{i}",
                ["Input.OpensOn"] = "2026-01-01",
                ["Input.ClosesOn"] = "2026-12-31",
            });
            Check(invited.Status, invited.Document, $"invitation name {Describe(payload)}", failures);
            Check(cycle.Status, cycle.Document, $"cycle name {Describe(payload)}", failures);
            foreach (var url in new[] { "/admin/invitations", "/admin/cycles", "/synthesis", "/coverage", "/search" })
            {
                var page = await administrator.GetAsync(url);
                Check(page.Status, page.Document, $"{url} after names {Describe(payload)}", failures);
            }

            tried += 3;
        }

        // The payloads really went in (all but the blank ones, which the forms refuse with a message).
        var (reasons, invitations, cycles) = await Portal.WithDbAsync(async db => (
            await db.ReviewEvents.CountAsync(e => e.Action == WorkflowAction.Return),
            await db.Invitations.CountAsync(),
            await db.Cycles.CountAsync(c => c.Slug.StartsWith("hostile-"))));
        output.WriteLine($"{Payloads.Count} payloads × 3 fields (return reason, invitee's name, cycle name) = {tried}, each read back on 8 pages; "
            + $"stored: {reasons} reasons, {invitations} invitations, {cycles} cycles");
        Assert.All(new[] { reasons, invitations, cycles }, stored => Assert.InRange(stored, Payloads.Count - 5, Payloads.Count));
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(40)));
    }

    [Fact]
    public async Task SignInAndAdministrationFieldsAndFilters_HostilePayloads_NeverFailOrInjectMarkup()
    {
        var (administrator, _) = await Portal.SignInAsAsync(PortalRoles.Administrator);
        using var visitor = Portal.NewBrowser();
        var failures = new List<string>();
        var tried = 0;

        for (var i = 0; i < Payloads.Count; i++)
        {
            var payload = Payloads[i];
            var responses = new List<(string Where, PageResponse Response)>
            {
                // Fields shown again when the form is refused.
                ("sign-in e-mail", await visitor.SubmitAsync("/account/sign-in", new Dictionary<string, object?> { ["Input.Email"] = payload, ["Input.Password"] = payload })),
                ("forgotten-password e-mail", await visitor.SubmitAsync("/account/forgot-password", new Dictionary<string, object?> { ["Input.Email"] = payload })),
                ("group", await administrator.SubmitAsync("/admin/groups/edit", new Dictionary<string, object?>
                {
                    ["Input.Name"] = Cut(payload, 200),
                    ["Input.Abbreviation"] = Cut(payload, 20),
                    ["Input.Slug"] = payload,
                })),

                // Filters of the administrators' lists, as typed into their search boxes.
                ("audit filters", await administrator.GetAsync($"/admin/audit?user={Q(payload)}&action={Q(payload)}&from={Q(payload)}&to={Q(payload)}")),
                ("user filters", await administrator.GetAsync($"/admin/users?q={Q(payload)}&role={Q(payload)}&state={Q(payload)}")),
                ("groups list", await administrator.GetAsync("/admin/groups")),
            };
            tried += 12;
            foreach (var (where, response) in responses)
            {
                Check(response.Status, response.Document, $"{where} {Describe(payload)}", failures);
            }
        }

        output.WriteLine($"{Payloads.Count} payloads × 12 fields and filters (sign-in e-mail and password, forgotten-password e-mail, "
            + $"group name, abbreviation and slug, 4 audit filters, 3 user filters) = {tried}");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(40)));
    }

    private static string Q(string value) => Uri.EscapeDataString(Cut(value, 2_000));

    private static void Check(HttpStatusCode status, IDocument document, string where, List<string> failures)
    {
        if (status == HttpStatusCode.InternalServerError)
        {
            failures.Add($"500 on {where}");
        }

        failures.AddRange(Injections(document, where));
    }

    private static async Task<IEnumerable<string>> InjectionsAsync(string body, string? mediaType, string where)
    {
        if (mediaType != "text/html")
        {
            return [];
        }

        var document = await BrowsingContext.New(Configuration.Default).OpenAsync(r => r.Content(body));
        return Injections(document, where);
    }

    /// <summary>Scripts, handlers and script links that came from user text (the app's own use none of the markers).</summary>
    private static IEnumerable<string> Injections(IDocument document, string where)
    {
        foreach (var script in document.QuerySelectorAll("script"))
        {
            if (script.TextContent.Contains("alert", StringComparison.Ordinal) || (script.GetAttribute("src") ?? "").Contains("evil", StringComparison.Ordinal))
            {
                yield return $"<script> from user text on {where}";
            }
        }

        foreach (var element in document.All)
        {
            foreach (var attribute in element.Attributes)
            {
                if (attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase))
                {
                    yield return $"{attribute.Name} attribute on <{element.LocalName}> on {where}";
                }

                if (attribute.Name is "href" or "src" or "action" or "data" or "formaction" or "xlink:href"
                    && new string(attribute.Value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray())
                        .StartsWith("javascript:", StringComparison.OrdinalIgnoreCase))
                {
                    yield return $"javascript: {attribute.Name} on <{element.LocalName}> on {where}";
                }
            }
        }
    }

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length];

    private static string Describe(string payload) => payload.Length > 60 ? $"[{payload.Length} chars]" : payload;
}
