using CyberNormPortal.Web.Auditing;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Data.Queries;
using CyberNormPortal.Web.Pages.Shared;

namespace CyberNormPortal.Web.Exports;

/// <summary>
/// <c>GET /reports/{cycleSlug}/questionnaire.docx</c>, the cycle's blank questionnaire (public: the questions are not
/// secret), and <c>GET /states/{iso3}/reports/{cycleSlug}/report.docx</c>, a State's published report as the reader may see it
/// (404 when there is none they may see). A report holding anything not TLP:CLEAR is written to the audit log.
/// </summary>
public static class ReportExportEndpoints
{
    public static IServiceCollection AddReportExports(this IServiceCollection services) =>
        services.AddScoped<ReportDocumentBuilder>();

    public static IEndpointRouteBuilder MapReportExports(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/reports/{cycleSlug}/questionnaire.docx", QuestionnaireAsync).ExcludeFromDescription();
        endpoints.MapGet("/states/{iso3}/reports/{cycleSlug}/report.docx", ReportAsync).ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> QuestionnaireAsync(string cycleSlug, HttpContext http, ReportDocumentBuilder builder, TimeProvider clock)
    {
        var document = await builder.BlankAsync(cycleSlug, http.RequestAborted);
        return document is null ? Results.NotFound() : File(http, document, clock);
    }

    private static async Task<IResult> ReportAsync(
        string iso3, string cycleSlug, HttpContext http, ReportDocumentBuilder builder, AuditLog audit, PortalDbContext db, TimeProvider clock)
    {
        var state = iso3.ToUpperInvariant();
        var request = http.Request;
        var document = await builder.PublishedAsync(state, cycleSlug, Reader.From(http.User), $"{request.Scheme}://{request.Host}{request.PathBase}", http.RequestAborted);
        if (document is null)
        {
            return Results.NotFound();
        }

        if (document.IsRestricted)
        {
            var parts = document.Sections.GroupBy(s => s.Visibility ?? document.Visibility).OrderBy(g => g.Key)
                .Select(g => $"{Labels.Tlp(g.Key)}: {g.Count()}");
            audit.Add(
                AuditActions.RestrictedExport,
                AuditSubjects.Report(state, cycleSlug),
                $"format=docx; report {Labels.Tlp(document.Visibility)}; parts: {string.Join(", ", parts)}");
            await db.SaveChangesAsync(http.RequestAborted);
        }

        return File(http, document, clock);
    }

    private static IResult File(HttpContext http, ReportDocument document, TimeProvider clock)
    {
        // What a reader may see depends on who asks: never cache an export in a shared cache.
        http.Response.Headers.CacheControl = "private, no-store";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{document.FileName}\"";
        return Results.Bytes(WordReportWriter.Write(document, clock.GetUtcNow()), WordDocuments.ContentType);
    }
}
