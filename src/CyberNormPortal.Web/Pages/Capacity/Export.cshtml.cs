using System.Globalization;
using System.Text;
using CsvHelper;
using CyberNormPortal.Domain.Capacity;
using CyberNormPortal.Domain.Norms;
using CyberNormPortal.Web.Capacity;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Filters;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SearchExport = CyberNormPortal.Web.Pages.Search.ExportModel;

namespace CyberNormPortal.Web.Pages.Capacity;

/// <summary>
/// <c>/capacity/needs.csv</c> and <c>/capacity/offers.csv</c>: the public (published, TLP:CLEAR) needs or offers, with
/// the filters of <c>/capacity</c>, whoever asks — like the API, a file read by anyone holds only what anyone may see.
/// </summary>
public sealed class ExportModel(PortalDbContext db, IStringLocalizer<SharedResource> localizer) : PageModel
{
    /// <summary>The CSV's columns, in order (English names; the header row is written in the reader's language).</summary>
    public static readonly IReadOnlyList<string> Header =
    [
        "Id", "Side", "Owner", "Title", "Norms", "Actions", "Categories", "Kinds", "Languages", "Regions", "Timing",
        "Status", "Published", "Matched", "Url",
    ];

    public async Task<IActionResult> OnGetAsync(string side, CancellationToken cancellationToken)
    {
        var which = side == "needs" ? CapacitySide.Need : CapacitySide.Offer;
        var parsed = CapacityFilterParser.Parse(Request.Query);
        if (!parsed.IsValid)
        {
            return new ContentResult
            {
                StatusCode = StatusCodes.Status400BadRequest,
                ContentType = ProblemText.ContentType,
                Content = ProblemText.Describe(parsed.Problems, localizer),
            };
        }

        var filters = parsed.Value with { Side = which };
        var rows = db.CapacityItems.AsNoTracking().Public().Filter(filters, db).Newest().Rows(db).AsAsyncEnumerable();
        var origin = $"{Request.Scheme}://{Request.Host}{Request.PathBase}";
        var stamp = DateTime.UtcNow.ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture);
        Response.Headers.ContentDisposition = $"attachment; filename=\"cybernormportal-capacity-{side}-{stamp}.csv\"";
        Response.ContentType = "text/csv; charset=utf-8";
        await using var writer = new StreamWriter(Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        await using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        foreach (var column in Header)
        {
            csv.WriteField(localizer[column].Value);
        }

        await csv.NextRecordAsync();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            foreach (var field in Fields(row, origin))
            {
                csv.WriteField(SearchExport.Neutralise(field));
            }

            await csv.NextRecordAsync();
        }

        return new EmptyResult();
    }

    /// <summary>One row's fields, in <see cref="Header"/>'s order; lists joined with "; " and codes, not words, for machines.</summary>
    public static IEnumerable<string?> Fields(CapacityRow row, string origin)
    {
        yield return row.Id.ToString(CultureInfo.InvariantCulture);
        yield return row.Side.ToString();
        yield return row.StateIso3 ?? row.OrganisationName;
        yield return row.Title;
        yield return string.Join(";", row.Norms.Select(Norm.GgeReferenceFor));
        yield return string.Join(";", row.ActionKeys);
        yield return string.Join(";", row.Categories);
        yield return string.Join(";", row.Kinds);
        yield return string.Join(";", row.Languages);
        yield return string.Join(";", row.Regions);
        yield return row.Side == CapacitySide.Need ? row.Timing : Period(row.AvailableFrom, row.AvailableUntil);
        yield return row.IsMatched ? "Matched" : row.Status.ToString();
        yield return row.PublishedAt?.ToString(SearchExport.IsoDateFormat, CultureInfo.InvariantCulture);
        yield return row.MatchedAt?.ToString(SearchExport.IsoDateFormat, CultureInfo.InvariantCulture);
        yield return origin + row.Path;
    }

    /// <summary>An offer's period as ISO 8601 dates (<c>2027-01-01/2027-06-30</c>; an open end left empty).</summary>
    private static string? Period(DateOnly? from, DateOnly? until) =>
        from is null && until is null
            ? null
            : $"{from?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}/{until?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
}
