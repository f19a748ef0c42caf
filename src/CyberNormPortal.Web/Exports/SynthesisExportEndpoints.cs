using System.Text;
using CyberNormPortal.Domain.States;
using CyberNormPortal.Web.Auditing;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Data.Queries;
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
        endpoints.MapGet("/synthesis/export.md", (HttpContext http, ExportServices services, string? group, string? cycle, string? region, string? view) =>
            ExportAsync(http, services, ExportFormat.Markdown, group, cycle, region, view))
            .ExcludeFromDescription(); // downloads of the HTML site, not part of the public API's contract
        endpoints.MapGet("/synthesis/export.docx", (HttpContext http, ExportServices services, string? group, string? cycle, string? region, string? view) =>
            ExportAsync(http, services, ExportFormat.Word, group, cycle, region, view))
            .ExcludeFromDescription();
        return endpoints;
    }

    private enum ExportFormat
    {
        Markdown,
        Word,
    }

    private static async Task<IResult> ExportAsync(
        HttpContext http, ExportServices services, ExportFormat format, string? group, string? cycle, string? region, string? view)
    {
        var localizer = services.Localizer;
        RegionalGroup? regional = null;
        if (Blank(region) is { } regionText)
        {
            if (!Enum.TryParse<RegionalGroup>(regionText, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            {
                return BadRequest(localizer["There is no regional group “{0}”. Choose one from the list.", regionText]);
            }

            regional = parsed;
        }

        var grouping = string.Equals(view, "category", StringComparison.OrdinalIgnoreCase) ? SynthesisGrouping.Category : SynthesisGrouping.Kind;
        var scope = new SynthesisScope(Blank(group), Blank(cycle), regional);
        var synthesis = await services.Reader.ReadAsync(scope, Reader.From(http.User), grouping, http.RequestAborted);
        if (synthesis.UnknownScopeParts.Contains(nameof(SynthesisScope.GroupSlug)))
        {
            return BadRequest(localizer["There is no group “{0}”. Choose one from the list.", scope.GroupSlug!]);
        }

        if (synthesis.UnknownScopeParts.Contains(nameof(SynthesisScope.CycleSlug)))
        {
            return BadRequest(localizer["There is no reporting cycle “{0}”. Choose one from the list.", scope.CycleSlug!]);
        }

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
                $"synthesis:{document.ScopeKey}",
                $"format={extension}; entries: {string.Join(", ", counts)}");
            await services.Db.SaveChangesAsync(http.RequestAborted);
        }

        // What a reader may see depends on who asks: never cache an export in a shared cache.
        http.Response.Headers.CacheControl = "private, no-store";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"synthesis-{document.ScopeKey}.{extension}\"";
        return Results.Bytes(bytes, contentType);
    }

    private static IResult BadRequest(string message) =>
        Results.Text(message, "text/plain; charset=utf-8", Encoding.UTF8, StatusCodes.Status400BadRequest);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>What an export needs, resolved once per request.</summary>
    internal sealed class ExportServices(
        SynthesisReader reader, SynthesisDocumentBuilder builder, AuditLog audit, PortalDbContext db,
        IStringLocalizer<SharedResource> localizer, TimeProvider clock)
    {
        public SynthesisReader Reader { get; } = reader;

        public SynthesisDocumentBuilder Builder { get; } = builder;

        public AuditLog Audit { get; } = audit;

        public PortalDbContext Db { get; } = db;

        public IStringLocalizer<SharedResource> Localizer { get; } = localizer;

        public TimeProvider Clock { get; } = clock;
    }
}
