using System.Globalization;
using System.Text;
using CsvHelper;
using CyberNormPortal.Web.Capacity;
using CyberNormPortal.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CyberNormPortal.Web.Pages.Moderation.Capacity;

/// <summary>
/// The figures of <see cref="FiguresModel"/> as one CSV of (figure, key, value) rows, with codes rather than words so
/// a spreadsheet can sort them: <c>needsByRegion,african,3</c>; <c>medianDaysToMatch,,4.5</c>.
/// </summary>
public sealed class FiguresCsvModel(PortalDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var f = await CapacityFigures.ReadAsync(db, cancellationToken);
        Response.Headers.CacheControl = "private, no-store";
        Response.Headers.ContentDisposition = "attachment; filename=\"cybernormportal-capacity-figures.csv\"";
        Response.ContentType = "text/csv; charset=utf-8";
        await using var writer = new StreamWriter(Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        await using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        async Task Row(string figure, string key, string value)
        {
            csv.WriteField(figure);
            csv.WriteField(key);
            csv.WriteField(value);
            await csv.NextRecordAsync();
        }

        static string N(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
        await Row("figure", "key", "value");
        foreach (var (region, needs) in f.NeedsByRegion)
        {
            await Row("needsByRegion", region.ToString(), N(needs));
        }

        foreach (var (norm, needs) in f.NeedsByNorm)
        {
            await Row("needsByNorm", Domain.Norms.Norm.GgeReferenceFor(norm), N(needs));
        }

        await Row("needsPublished", "", N(f.NeedsPublished));
        await Row("needsMatched", "", N(f.NeedsMatched));
        await Row("shareMatched", "", N(f.ShareMatched));
        await Row("medianDaysToMatch", "", f.MedianTimeToMatch is { } median ? N(median.TotalDays) : "");
        foreach (var (kind, offers) in f.OffersByKind)
        {
            await Row("offersByKind", kind.ToString(), N(offers));
        }

        return new EmptyResult();
    }
}
