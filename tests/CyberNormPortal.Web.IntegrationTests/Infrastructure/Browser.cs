using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace CyberNormPortal.Web.IntegrationTests.Infrastructure;

/// <summary>A page as the server answered it: status, where it redirected to, and the parsed HTML.</summary>
public sealed record PageResponse(HttpStatusCode Status, Uri? Location, IDocument Document, string Url)
{
    /// <summary>The redirect target's path and query ("/my?saved=1"), or null.</summary>
    public string? RedirectPath => Location is null ? null : Location.IsAbsoluteUri ? Location.PathAndQuery : Location.OriginalString;

    /// <summary>The message shown next to a field, by the field's name ("Input.Title").</summary>
    public string? FieldError(string fieldName) =>
        Document.QuerySelector($"[data-valmsg-for='{fieldName}']")?.TextContent.Trim() is { Length: > 0 } text ? text : null;

    public string Text => Infrastructure.Text.Visible(Document.Body);

    /// <summary>The notice the layout shows once after an action ("Your draft is saved…"), or null.</summary>
    public string? Notice => Document.QuerySelector("main .notice--success[role='status']") is { } notice ? Infrastructure.Text.Visible(notice) : null;

    /// <summary>
    /// The error summary's messages in the order it lists them, each with where on the page the field it links to
    /// stands (its position among all elements; -1 when it links to nothing there).
    /// </summary>
    public IReadOnlyList<(string Message, int FieldPosition)> ErrorSummary
    {
        get
        {
            var all = Document.All.ToList();
            return Document.QuerySelectorAll(".error-summary li")
                .Select(item => (
                    Infrastructure.Text.Visible(item),
                    item.QuerySelector("a")?.GetAttribute("href") is { Length: > 1 } href && Document.GetElementById(href[1..]) is { } target ? all.IndexOf(target) : -1))
                .ToList();
        }
    }

    /// <summary>What a field of the page's forms holds now, by name: an input's value or a textarea's text.</summary>
    public string? InputValue(string fieldName) => Document.QuerySelector($"[name='{fieldName}']") switch
    {
        IHtmlInputElement input => input.Value,
        IHtmlTextAreaElement textArea => textArea.Value,
        IHtmlSelectElement select => select.Value,
        _ => null,
    };
}

/// <summary>
/// A user agent against the test server: keeps its cookies, follows no redirects on its own, and submits
/// forms as a browser would — every field the form has, including its antiforgery token.
/// </summary>
public sealed class Browser(HttpClient client, CookieContainer? cookies = null) : IDisposable
{
    public HttpClient Client { get; } = client;

    /// <summary>The value of a cookie this browser holds, e.g. the session cookie, or null.</summary>
    public string? CookieValue(string name) => cookies?.GetCookies(Client.BaseAddress!)[name]?.Value;

    /// <summary>Puts a cookie into this browser's jar, as someone who copied it from another browser would.</summary>
    public void SetCookie(string name, string value) =>
        (cookies ?? throw new InvalidOperationException("This browser has no cookie jar of its own.")).Add(Client.BaseAddress!, new Cookie(name, value));

    public async Task<PageResponse> GetAsync(string url)
    {
        using var response = await Client.GetAsync(url);
        return await ReadAsync(response, url);
    }

    /// <summary>
    /// GETs <paramref name="pageUrl"/>, fills the form matched by <paramref name="formSelector"/> (the page's first
    /// POST form when null) with <paramref name="fields"/>, and submits it. A field given as several values
    /// (checkboxes, multi-selects) is sent once per value; a field given as null is left out.
    /// </summary>
    public async Task<PageResponse> SubmitAsync(string pageUrl, IReadOnlyDictionary<string, object?>? fields = null, string? formSelector = null)
    {
        var page = await GetAsync(pageUrl);
        if (page.Status != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {pageUrl} answered {(int)page.Status}, so there is no form to submit.");
        }

        return await SubmitAsync(page, fields, formSelector);
    }

    public async Task<PageResponse> SubmitAsync(PageResponse page, IReadOnlyDictionary<string, object?>? fields = null, string? formSelector = null)
    {
        var form = (formSelector is null
                ? page.Document.QuerySelectorAll("main form").OfType<IHtmlFormElement>().FirstOrDefault(f => f.Method.Equals("post", StringComparison.OrdinalIgnoreCase))
                : page.Document.QuerySelector(formSelector) as IHtmlFormElement)
            ?? throw new InvalidOperationException($"No form '{formSelector ?? "main form[method=post]"}' on {page.Url}.");
        var values = FormValues(form);
        foreach (var (name, value) in fields ?? new Dictionary<string, object?>())
        {
            values.RemoveAll(v => v.Key == name);
            switch (value)
            {
                case null:
                    break;
                case string text:
                    values.Add(new(name, text));
                    break;
                case IEnumerable<string> many:
                    values.AddRange(many.Select(v => new KeyValuePair<string, string>(name, v)));
                    break;
                default:
                    values.Add(new(name, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? ""));
                    break;
            }
        }

        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : page.Url;
        return await PostAsync(action, values);
    }

    /// <summary>POSTs raw form fields, as a forged request would: nothing is taken from any page.</summary>
    public async Task<PageResponse> PostAsync(string url, IEnumerable<KeyValuePair<string, string>> values)
    {
        using var content = new FormUrlEncodedContent(values);
        using var response = await Client.PostAsync(url, content);
        return await ReadAsync(response, url);
    }

    /// <summary>
    /// POSTs fields straight to <paramref name="url"/> with a valid antiforgery token of this browser's own session
    /// (taken from a page it may open), as a user crafting a request by hand would.
    /// </summary>
    public async Task<PageResponse> PostWithTokenAsync(string url, IEnumerable<KeyValuePair<string, string>> values)
    {
        var page = await GetAsync("/account/sign-in");
        var token = page.Document.QuerySelector("input[name='__RequestVerificationToken']")?.GetAttribute("value")
            ?? throw new InvalidOperationException("No antiforgery token found.");
        return await PostAsync(url, values.Append(new("__RequestVerificationToken", token)));
    }

    /// <summary>Follows a redirect the way a browser would after a form post.</summary>
    public Task<PageResponse> FollowAsync(PageResponse response) =>
        GetAsync(response.RedirectPath ?? throw new InvalidOperationException($"{response.Url} answered {(int)response.Status}, not a redirect."));

    public static List<KeyValuePair<string, string>> FormValues(IHtmlFormElement form)
    {
        var values = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || element.HasAttribute("disabled"))
            {
                continue;
            }

            switch (element)
            {
                case IHtmlInputElement input when input.Type is "checkbox" or "radio":
                    if (input.IsChecked)
                    {
                        values.Add(new(name, input.Value));
                    }

                    break;
                case IHtmlInputElement input when input.Type is "submit" or "button" or "image" or "file":
                    break;
                case IHtmlInputElement input:
                    values.Add(new(name, input.Value));
                    break;
                case IHtmlTextAreaElement textArea:
                    values.Add(new(name, textArea.Value));
                    break;
                case IHtmlSelectElement select:
                    values.AddRange(select.Options.Where(o => o.IsSelected).Select(o => new KeyValuePair<string, string>(name, o.Value)));
                    break;
            }
        }

        return values;
    }

    private static async Task<PageResponse> ReadAsync(HttpResponseMessage response, string url)
    {
        var html = await response.Content.ReadAsStringAsync();
        var document = await BrowsingContext.New(Configuration.Default).OpenAsync(request => request.Content(html));
        return new PageResponse(response.StatusCode, response.Headers.Location, document, url);
    }

    public void Dispose() => Client.Dispose();
}

public static class BrowserSessions
{
    /// <summary>A signed-out visitor.</summary>
    public static Browser NewBrowser(this PortalFixture portal) => portal.Factory.NewBrowser();

    /// <summary>A signed-out visitor of <paramref name="factory"/> (e.g. a host with a test clock), with a cookie jar the test can read.</summary>
    public static Browser NewBrowser(this WebApplicationFactory<Program> factory)
    {
        var cookies = new CookieContainer();
        var client = factory.CreateDefaultClient(factory.ClientOptions.BaseAddress, new CookieContainerHandler(cookies));
        return new Browser(client, cookies);
    }

    /// <summary>Signs in through the sign-in form (and the two-factor step when the account has one), as a person would.</summary>
    public static Task<Browser> SignInAsync(this PortalFixture portal, TestUser user) => portal.Factory.SignInAsync(user);

    /// <summary>Signs in to <paramref name="factory"/> as <paramref name="user"/>.</summary>
    public static async Task<Browser> SignInAsync(this WebApplicationFactory<Program> factory, TestUser user)
    {
        var browser = factory.NewBrowser();
        var response = await browser.SubmitAsync("/account/sign-in", new Dictionary<string, object?>
        {
            ["Input.Email"] = user.Email,
            ["Input.Password"] = user.Password,
        });
        if (response.RedirectPath?.StartsWith("/account/sign-in/two-factor", StringComparison.Ordinal) == true)
        {
            response = await browser.SubmitAsync(response.RedirectPath, new Dictionary<string, object?> { ["Input.Code"] = user.CurrentCode() });
        }

        if (response.Status != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in as {user.Email} failed: {response.Text}");
        }

        return browser;
    }

    /// <summary>Creates an account for <paramref name="role"/> (bound to <paramref name="state"/>) and signs in as it.</summary>
    public static async Task<(Browser Browser, TestUser User)> SignInAsAsync(this PortalFixture portal, string role, string? state = null, params string[] moreRoles)
    {
        var user = await portal.CreateUserAsync(role, state, moreRoles: moreRoles);
        return (await portal.SignInAsync(user), user);
    }
}
