using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using CsvHelper;
using CsvHelper.TypeConversion;
using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Web.Auditing;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Data.Queries;
using CyberNormPortal.Web.Filters;
using CyberNormPortal.Web.Search;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CyberNormPortal.Web.Pages.Search;

/// <summary>
/// The result of any search as CSV (UTF-8) or JSON: every matching entry, in the search's order. Entries that
/// are not TLP:CLEAR appear only for readers allowed to see them, and such an export is written to the audit log.
/// </summary>
public sealed class ExportModel(
    SearchService search, EntryFilterParser parser, PortalDbContext db, AuditLog audit, IStringLocalizer<SharedResource> localizer) : PageModel
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        WriteIndented = false,
    };

    /// <summary>
    /// Dates in the CSV: ISO 8601 with the offset, exactly as System.Text.Json writes them in the JSON export,
    /// whatever the server's culture (CsvHelper would otherwise write the culture's month/day order).
    /// </summary>
    public const string IsoDateFormat = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz";

    public sealed record Row(
        int Id, string Url, int Norm, string Kind, string Title, string Summary, string Author, string? State,
        string Cycle, DateTimeOffset PublishedAt, string Language, string Categories, string Visibility, string OriginalLanguage);

    /// <summary>
    /// The CSV's header row: the columns of <see cref="Row"/>, in its order, each a key of Resources/SharedResource.resx
    /// written in the reader's language (in English the property's name, as before).
    /// </summary>
    public static readonly IReadOnlyList<string> Header = [.. typeof(Row).GetProperties().OrderBy(p => p.MetadataToken).Select(p => p.Name)];

    public async Task<IActionResult> OnGetAsync(string format, CancellationToken cancellationToken)
    {
        // A file holds exactly what was asked for: a filter that makes no sense is refused, not left out.
        var query = await SearchQueryString.ParseAsync(Request.Query, parser, cancellationToken);
        if (query.Problems.Count > 0)
        {
            return new ContentResult
            {
                StatusCode = StatusCodes.Status400BadRequest,
                ContentType = ProblemText.ContentType,
                Content = ProblemText.Describe(query.Problems, localizer),
            };
        }

        var reader = Reader.From(User);
        var rows = search.Ordered(query.Request, await search.ParseAsync(query.Request, cancellationToken), reader);
        if (await rows.AnyAsync(e => e.Visibility != TlpLabel.Clear, cancellationToken))
        {
            audit.Add(AuditActions.RestrictedExport, AuditSubjects.Search, $"{format.ToUpperInvariant()} export of {Request.QueryString}");
            await db.SaveChangesAsync(cancellationToken);
        }

        var baseUrl = $"{Request.Scheme}://{Request.Host}{Request.PathBase}";
        var stamp = DateTime.UtcNow.ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture);
        Response.Headers.ContentDisposition = $"attachment; filename=\"cybernormportal-search-{stamp}.{format}\"";
        var items = rows.AsAsyncEnumerable();
        if (format == "json")
        {
            Response.ContentType = "application/json; charset=utf-8";
            await JsonSerializer.SerializeAsync(Response.Body, new { query = Request.QueryString.Value, items = Map(items, baseUrl) }, Json, cancellationToken);
            return new EmptyResult();
        }

        Response.ContentType = "text/csv; charset=utf-8";
        await using var writer = new StreamWriter(Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        await using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        csv.Context.TypeConverterOptionsCache.AddOptions<DateTimeOffset>(new TypeConverterOptions { Formats = [IsoDateFormat] });
        foreach (var column in Header)
        {
            csv.WriteField(localizer[column].Value);
        }

        await csv.NextRecordAsync();
        await foreach (var row in Map(items, baseUrl).WithCancellation(cancellationToken))
        {
            csv.WriteRecord(Neutralised(row));
            await csv.NextRecordAsync();
        }

        return new EmptyResult();
    }

    private static async IAsyncEnumerable<Row> Map(IAsyncEnumerable<PublishedEntry> entries, string baseUrl)
    {
        // Title and summary in the reader's language where the entry has a version in it; Language says which.
        var language = Localization.PortalCultures.Current.Name;
        await foreach (var e in entries)
        {
            var text = e.TextIn(language);
            yield return new Row(
                e.Id, $"{baseUrl}/entries/{e.Id}", e.NormNumber, e.Kind.ToString(), text.Title, text.Summary, e.AuthorName, e.StateIso3,
                e.CycleName, e.PublishedAt, text.Language, string.Join("; ", e.PracticeCategories), Shared.Labels.Tlp(e.Visibility), e.Language);
        }
    }

    /// <summary>
    /// A spreadsheet must not run a cell as a formula: text starting with =, +, -, @, tab or carriage return gets a
    /// leading apostrophe.
    /// </summary>
    public static string Neutralise(string? text) =>
        text is { Length: > 0 } && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text ?? "";

    private static Row Neutralised(Row row) => row with
    {
        Title = Neutralise(row.Title),
        Summary = Neutralise(row.Summary),
        Author = Neutralise(row.Author),
        Cycle = Neutralise(row.Cycle),
    };
}
