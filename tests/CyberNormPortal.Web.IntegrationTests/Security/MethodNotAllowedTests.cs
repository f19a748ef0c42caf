using System.Net;
using System.Text.RegularExpressions;
using CyberNormPortal.Web.Identity;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace CyberNormPortal.Web.IntegrationTests.Security;

/// <summary>
/// Every route of the running app (pages and endpoints, read as <see cref="AppEndpoints"/> reads them, so a new one is
/// checked without being listed) answers a method it does not serve with 405 and an <c>Allow</c> header naming what
/// it does serve — with a valid antiforgery token and without one, signed in with every role or not — and never
/// renders the page from an empty model (200) or fails (500).
/// </summary>
public sealed partial class MethodNotAllowedTests(PortalFixture portal, ITestOutputHelper output) : PortalTest(portal)
{
    private static readonly string[] Unsafe = ["POST", "PUT", "DELETE", "PATCH"];

    [Fact]
    public async Task EveryRoute_AnswersAMethodItDoesNotServe_With405AndAllow()
    {
        var (signedIn, _) = await Portal.SignInAsAsync(
            PortalRoles.Administrator, "KEN", PortalRoles.Moderator, PortalRoles.Contributor, PortalRoles.Approver);
        var token = (await signedIn.GetAsync("/my")).Document.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        using var anonymous = Portal.NewBrowser();
        var routes = await RoutesAsync();
        var checkedRequests = 0;

        foreach (var (route, served) in routes)
        {
            var url = UrlFor(route);
            var allow = Allow(served);
            foreach (var method in Unsafe.Where(m => !served.Contains(m)))
            {
                foreach (var (who, client, withToken) in new[] { ("signed in, token", signedIn.Client, true), ("signed in, no token", signedIn.Client, false), ("anonymous, no token", anonymous.Client, false) })
                {
                    var (status, allowHeader, text) = await SendAsync(client, method, url, withToken ? token : null);

                    Assert.True(status == HttpStatusCode.MethodNotAllowed, $"{method} {url} ({who}) answered {(int)status}, not 405");
                    Assert.True(allowHeader == allow, $"{method} {url} ({who}): Allow is '{allowHeader}', expected '{allow}'");
                    Assert.Contains("cannot be used that way", text, StringComparison.Ordinal);
                    checkedRequests++;
                }
            }
        }

        // The routes named in the issue are among those checked, each with its page intact for GET.
        foreach (var route in new[] { "/", "/norms/{number:int}", "/states/{iso3}", "/entries/{id:int}", "/compare", "/search", "/synthesis", "/coverage", "/capacity", "/capacity/{side:regex(^(needs|offers)$)}.csv", "/moderation/capacity/figures", "/moderation/capacity/figures.csv", "/healthz", "/healthz/ready" })
        {
            Assert.True(routes.ContainsKey(route), $"{route} is not among the app's routes");
            Assert.Equal(["GET"], routes[route].Where(m => m != "HEAD"));
        }

        Assert.True(checkedRequests > 400, $"Only {checkedRequests} requests checked: is the enumeration broken?");
        output.WriteLine($"{routes.Count} routes, {checkedRequests} requests answered 405 with Allow.");
    }

    [Fact]
    public async Task EveryEndpoint_NamesTheMethodsItServes()
    {
        var any = (await Portal.AllAsync()).Where(e => e.Verb == "ANY").Select(e => e.Key).ToList();

        Assert.True(any.Count == 0, "These answer any method:\n" + string.Join("\n", any));
    }

    [Fact]
    public async Task APageServingPostOnlyUnderNamedHandlers_AnswersAnUnnamedPostWith404_NotItsEmptyPage()
    {
        var (browser, _) = await Portal.SignInAsAsync(PortalRoles.Analyst);
        var token = (await browser.GetAsync("/account/two-factor")).Document.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;

        var (unnamed, _, _) = await SendAsync(browser.Client, "POST", "/account/two-factor", token);
        var (unknown, _, _) = await SendAsync(browser.Client, "POST", "/account/two-factor?handler=Nothing", token);

        Assert.Equal(HttpStatusCode.NotFound, unnamed);
        Assert.Equal(HttpStatusCode.NotFound, unknown);
    }

    [Fact]
    public async Task Head_IsAnsweredWhereverGetIs_OnPagesAndHealthProbes()
    {
        var routes = await RoutesAsync();
        var pages = (await Portal.AllAsync())
            .Where(e => e is { IsPage: true, RequiresSignIn: false, Verb: "GET" } && !e.Route.Contains('{', StringComparison.Ordinal))
            .Select(e => e.Route)
            .Concat(["/norms/7", "/states/ken", "/healthz", "/healthz/ready"])
            .Distinct()
            .ToList();
        using var client = Portal.CreateClient();

        foreach (var url in pages)
        {
            using var get = await client.GetAsync(url);
            using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));

            Assert.True(get.StatusCode == head.StatusCode, $"HEAD {url} answered {(int)head.StatusCode}, GET {(int)get.StatusCode}");
        }

        Assert.Contains("HEAD", routes["/healthz"]);
        Assert.True(pages.Count >= 15, $"Only {pages.Count} pages checked.");
    }

    /// <summary>Each route of the app with the methods it serves: its handlers' verbs, and HEAD wherever GET is.</summary>
    private async Task<Dictionary<string, HashSet<string>>> RoutesAsync()
    {
        var routes = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var endpoint in await Portal.AllAsync())
        {
            var methods = routes.TryGetValue(endpoint.Route, out var known) ? known : routes[endpoint.Route] = new HashSet<string>(StringComparer.Ordinal);
            methods.Add(endpoint.Verb);
            if (endpoint.Verb == "GET" && endpoint.IsPage)
            {
                methods.Add("HEAD");
            }
        }

        return routes;
    }

    private static string Allow(IEnumerable<string> served) => string.Join(", ", served.Order(StringComparer.Ordinal));

    /// <summary>A URL of the route: any value that fits each parameter's constraint (no page loads its data before the check).</summary>
    private static string UrlFor(string route)
    {
        var url = RouteParameter().Replace(route, match => match.Groups["constraint"].Value switch
        {
            "int" => "1",
            "int?" => "",
            var constraint when constraint.StartsWith("regex", StringComparison.Ordinal) => "csv",
            _ => "x1",
        });
        return url.Length > 1 ? url.TrimEnd('/') : url;
    }

    private static async Task<(HttpStatusCode Status, string? Allow, string Text)> SendAsync(HttpClient client, string method, string url, string? token)
    {
        var fields = new List<KeyValuePair<string, string>> { new("Input.Title", "Sent with the wrong method") };
        if (token is not null)
        {
            fields.Add(new("__RequestVerificationToken", token));
        }

        using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = new FormUrlEncodedContent(fields) };
        using var response = await client.SendAsync(request);
        var allow = response.Content.Headers.Allow.Count > 0 ? string.Join(", ", response.Content.Headers.Allow) : null;
        return (response.StatusCode, allow, await response.Content.ReadAsStringAsync());
    }

    [GeneratedRegex(@"\{(?<name>[a-z0-9]+)(?::(?<constraint>[^}]+))?\}", RegexOptions.IgnoreCase)]
    private static partial Regex RouteParameter();
}
