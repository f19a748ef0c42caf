using System.Text;
using CyberNormPortal.Web.Auditing;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Data.Queries;
using CyberNormPortal.Web.Filters;
using CyberNormPortal.Web.Synthesis;
using Microsoft.Extensions.Localization;

namespace CyberNormPortal.Web.Exports;

/// <summary>
/// <c>GET /synthesis/export.md</c> and <c>/synthesis/export.docx</c>: the synthesis page's scope
/// (<c>group</c>, <c>cycle</c>, <c>region</c>, <c>view</c>) as a file, seen exactly as the page shows it to
/// the same reader. An export holding anything not TLP:CLEAR is written to the audit log.
/// </summary>
public static class SynthesisExportEndpoints
{
    public static IServiceCollection AddSynthesisExports(this IServiceCollection services) =>
        services.AddScoped<SynthesisDocumentBuilder>().AddScoped<ExportServices>();

    public static IEndpointRouteBuilder MapSynthesisExports(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/synthesis/export.md", (HttpContext http, ExportServices services) => ExportAsync(http, services, ExportFormat.Markdown))
            .ExcludeFromDescription(); // downloads of the HTML site, not part of the public API's contract
        endpoints.MapGet("/synthesis/export.docx", (HttpContext http, ExportServices services) => ExportAsync(http, services, ExportFormat.Word))
            .ExcludeFromDescription();
        return endpoints;
    }

    private enum ExportFormat
    {
        Markdown,
        Word,
    }

    private static async Task<IResult> ExportAsync(HttpContext http, ExportServices services, ExportFormat format)
    {
        // A file holds exactly the scope asked for: a value that makes no sense is refused, not left out.
        var parsed = await services.Parser.ParseAsync(http.Request.Query, http.RequestAborted);
        if (!parsed.IsValid)
        {
            return Results.Text(ProblemText.Describe(parsed.Problems, services.Localizer), ProblemText.ContentType, Encoding.UTF8, StatusCodes.Status400BadRequest);
        }

        var (scope, grouping) = parsed.Value;
        var synthesis = await services.Reader.ReadAsync(scope, Reader.From(http.User), grouping, http.RequestAborted);
        var request = http.Request;
        var document = services.Builder.Build(synthesis, scope, grouping, $"{request.Scheme}://{request.Host}{request.PathBase}");
        var (extension, contentType, bytes) = format switch
        {
            ExportFormat.Markdown => ("md", MarkdownSynthesisWriter.ContentType, Encoding.UTF8.GetBytes(MarkdownSynthesisWriter.Write(document))),
            _ => ("docx", WordSynthesisWriter.ContentType, WordSynthesisWriter.Write(document, services.Clock.GetUtcNow())),
        };

        if (document.IsRestricted)
        {
            var counts = document.Bullets.GroupBy(b => b.Visibility).OrderBy(g => g.Key)
                .Select(g => $"{Pages.Shared.Labels.Tlp(g.Key)}: {g.Count()}");
            services.Audit.Add(
                AuditActions.RestrictedExport,
                AuditSubjects.Synthesis(document.ScopeKey),
                $"format={extension}; entries: {string.Join(", ", counts)}");
            await services.Db.SaveChangesAsync(http.RequestAborted);
        }

        // What a reader may see depends on who asks: never cache an export in a shared cache.
        http.Response.Headers.CacheControl = "private, no-store";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"synthesis-{document.ScopeKey}.{extension}\"";
        return Results.Bytes(bytes, contentType);
    }

    /// <summary>What an export needs, resolved once per request.</summary>
    internal sealed class ExportServices(
        SynthesisScopeParser parser, SynthesisReader reader, SynthesisDocumentBuilder builder, AuditLog audit, PortalDbContext db,
        IStringLocalizer<SharedResource> localizer, TimeProvider clock)
    {
        public SynthesisScopeParser Parser { get; } = parser;

        public SynthesisReader Reader { get; } = reader;

        public SynthesisDocumentBuilder Builder { get; } = builder;

        public AuditLog Audit { get; } = audit;

        public PortalDbContext Db { get; } = db;

        public IStringLocalizer<SharedResource> Localizer { get; } = localizer;

        public TimeProvider Clock { get; } = clock;
    }
}
