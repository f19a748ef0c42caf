namespace CyberNormPortal.Web.Api;

/// <summary>Absolute URLs of the portal's pages and API resources, as seen by the client that asked.</summary>
internal sealed class ApiLinks(HttpRequest request)
{
    public const string Prefix = "/api/v1";

    public string Origin { get; } = $"{request.Scheme}://{request.Host}{request.PathBase}";

    public string Page(string path) => Origin + path;

    public string Api(string path) => Origin + Prefix + path;

    public string EntryPage(int id) => Page($"/entries/{id}");

    public string EntryApi(int id) => Api($"/entries/{id}");

    public static string Escape(string value) => Uri.EscapeDataString(value);
}
