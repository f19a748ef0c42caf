using System.ComponentModel;
using System.Globalization;
using CyberNormPortal.Domain.Reports;
using CyberNormPortal.Domain.States;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Data.Queries;
using CyberNormPortal.Web.Filters;
using CyberNormPortal.Web.Reports;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CyberNormPortal.Web.Api;

/// <summary>
/// Published national reports in the public API, under the same rules as entries: TLP:CLEAR reports and, of them,
/// TLP:CLEAR parts only, read as <see cref="Reader.Anonymous"/> whoever calls.
/// </summary>
public static class ReportsApi
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(ApiLinks.Prefix)
            .RequireCors(PortalApi.CorsPolicy)
            .AddEndpointFilter<ETagFilter>()
            // Kept until the next publication, like the rest of the API (Caching/PublishedContentCache.cs).
            .CacheOutput(Caching.PublishedContentCachePolicy.Name)
            .WithTags("Public API");

        api.MapGet("/reports", ListReports)
            .WithName("ListReports")
            .WithSummary("Published national reports")
            .WithDescription("Published TLP:CLEAR national reports, newest first, optionally of one reporting cycle, paged.")
            .Produces<ReportPage>()
            .ProducesValidationProblem();
        api.MapGet("/reports/{iso3}/{cycleSlug}", GetReport)
            .WithName("GetReport")
            .WithSummary("One published national report")
            .WithDescription("A State's published TLP:CLEAR report for a cycle: its TLP:CLEAR parts with questions, answers and checklist statuses. 404 for anything else.")
            .Produces<ReportDetailResource>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Results<Ok<ReportPage>, ValidationProblem>> ListReports(
        [FromQuery(Name = "cycle"), Description("Reporting cycle slug, e.g. g7-cni-2019.")] string? cycle,
        [FromQuery(Name = "page"), Description("Page number, from 1.")] string? page,
        [FromQuery(Name = "pageSize"), Description("Reports per page, 1 to 200; 50 when absent.")] string? pageSize,
        IStringLocalizer<SharedResource> localizer,
        PortalDbContext db,
        HttpRequest request,
        CancellationToken cancellationToken)
    {
        // The parameters above are the documented contract; the portal's one reader of query values checks them.
        var values = new QueryValues(request.Query);
        var pageNumber = values.Number(FilterNames.Page, FilterLimits.FirstPage, FilterLimits.LastPage, FilterMessages.Page) ?? 1;
        var size = values.Number(FilterNames.PageSize, 1, MaxPageSize, FilterMessages.PageSize) ?? DefaultPageSize;
        var cycleSlug = values.Single("cycle");
        if (cycleSlug is not null && !await db.Cycles.AnyAsync(c => c.Slug == cycleSlug, cancellationToken))
        {
            values.Add("cycle", FilterMessages.Cycle, QueryValues.Echo(cycleSlug));
        }

        if (values.Problems.Count > 0)
        {
            return values.Problems.ToValidationProblem(localizer);
        }

        var reports = db.Reports.AsNoTracking().PublishedVisibleTo(Reader.Anonymous)
            .Join(db.Cycles, r => r.CycleId, c => c.Id, (r, c) => new { Report = r, Cycle = c });
        if (cycleSlug is not null)
        {
            reports = reports.Where(x => x.Cycle.Slug == cycleSlug);
        }

        var total = await reports.CountAsync(cancellationToken);
        var rows = await reports
            .OrderByDescending(x => x.Report.PublishedAt).ThenBy(x => x.Report.StateIso3).ThenBy(x => x.Cycle.Slug)
            .Skip((pageNumber - 1) * size).Take(size)
            .Select(x => new
            {
                x.Report.StateIso3,
                StateName = db.States.Where(s => s.Iso3 == x.Report.StateIso3).Select(s => s.Name).First(),
                x.Cycle.Slug,
                x.Cycle.Name,
                Version = x.Report.PublishedVersionNumber!.Value,
                PublishedAt = x.Report.PublishedAt!.Value,
                x.Report.IsLate,
            })
            .ToListAsync(cancellationToken);

        var links = new ApiLinks(request);
        var last = Math.Max(1, (total + size - 1) / size);
        string PageUrl(int number) => links.Api("/reports" + QueryString.Create(
            (cycleSlug is null ? [] : new[] { new KeyValuePair<string, string?>("cycle", cycleSlug) })
                .Append(new("page", number.ToString(CultureInfo.InvariantCulture)))
                .Append(new("pageSize", size.ToString(CultureInfo.InvariantCulture)))));
        return TypedResults.Ok(new ReportPage(
            [.. rows.Select(r => new ReportResource(
                r.StateIso3, r.StateName, r.Slug, r.Name, r.Version, r.PublishedAt, r.IsLate, ReportPageUrl(links, r.StateIso3, r.Slug), ReportApiUrl(links, r.StateIso3, r.Slug)))],
            pageNumber,
            size,
            total,
            new PageLinks(
                PageUrl(pageNumber),
                PageUrl(1),
                pageNumber > 1 ? PageUrl(Math.Min(pageNumber - 1, last)) : null,
                pageNumber < last ? PageUrl(pageNumber + 1) : null,
                PageUrl(last))));
    }

    private static async Task<Results<Ok<ReportDetailResource>, ProblemHttpResult>> GetReport(
        string iso3, string cycleSlug, PortalDbContext db, HttpRequest request, CancellationToken cancellationToken)
    {
        var code = State.LooksLikeIso3(iso3) ? State.NormaliseIso3(iso3) : "";
        var report = code.Length == 0 ? null : await db.LoadPublishedAsync(code, cycleSlug, Reader.Anonymous, cancellationToken);
        if (report is null)
        {
            // Unpublished, TLP:GREEN or TLP:AMBER, or no such report: all look the same.
            return TypedResults.Problem(
                $"There is no published TLP:CLEAR report of '{iso3}' for the cycle '{cycleSlug}'.", statusCode: StatusCodes.Status404NotFound, title: "Not found");
        }

        var statuses = await db.StatusesAsync(report.CycleId, Reader.Anonymous, [code], cancellationToken);
        var stateName = await db.States.AsNoTracking().Where(s => s.Iso3 == code).Select(s => s.Name).SingleAsync(cancellationToken);
        var links = new ApiLinks(request);
        var questionnaire = report.Questionnaire;
        var parts = new List<ReportPartResource>();
        foreach (var part in questionnaire.OrderedParts)
        {
            if (report.Part(part.Key) is not { } snapshot)
            {
                continue;
            }

            var answers = part.OrderedQuestions
                .Select(q => (Question: q, Answer: snapshot.Answers.For(q)))
                .Where(x => x.Answer is not null)
                .Select(x => new ReportAnswerResource(
                    x.Question.Key, x.Question.Kind, x.Question.Text, x.Answer!.Choices, x.Answer.Yes, x.Answer.Text, [.. x.Answer.EntryIds.Select(links.EntryApi)]))
                .ToList();
            var actions = part.Kind != PartKind.Norms
                ? []
                : questionnaire.Actions.OrderBy(a => a.NormNumber).ThenBy(a => a.Position)
                    .Select(a => (Action: a, Answer: snapshot.Answers.For(a)))
                    .Where(x => x.Answer is not null)
                    .Select(x => new ReportActionResource(
                        x.Action.Key,
                        x.Action.NormNumber,
                        x.Action.Text,
                        x.Action.Source,
                        statuses.TryGetValue((code, x.Action.Key), out var status) ? status : null,
                        x.Answer!.Measures,
                        x.Answer.Challenges,
                        x.Answer.CapacityNeeds,
                        [.. x.Answer.EntryIds.Select(links.EntryApi)]))
                    .ToList();
            parts.Add(new ReportPartResource(part.Key, part.Kind, part.Title, answers, actions));
        }

        return TypedResults.Ok(new ReportDetailResource(
            code, stateName, report.CycleSlug, report.CycleName, report.VersionNumber, report.PublishedAt, report.IsLate, parts,
            ReportPageUrl(links, code, report.CycleSlug), ReportApiUrl(links, code, report.CycleSlug)));
    }

    private static string ReportPageUrl(ApiLinks links, string iso3, string cycleSlug) =>
        links.Page($"/states/{iso3.ToLowerInvariant()}/reports/{ApiLinks.Escape(cycleSlug)}");

    private static string ReportApiUrl(ApiLinks links, string iso3, string cycleSlug) =>
        links.Api($"/reports/{iso3}/{ApiLinks.Escape(cycleSlug)}");
}

/// <summary>A published national report, as the list gives it.</summary>
public sealed record ReportResource(
    string State,
    string StateName,
    string Cycle,
    string CycleName,
    int Version,
    DateTimeOffset PublishedAt,
    bool IsLate,
    string Url,
    string ApiUrl);

/// <summary>One page of published reports, newest first.</summary>
public sealed record ReportPage(IReadOnlyList<ReportResource> Items, int Page, int PageSize, int Total, PageLinks Links);

/// <summary>A published report with its TLP:CLEAR parts.</summary>
public sealed record ReportDetailResource(
    string State,
    string StateName,
    string Cycle,
    string CycleName,
    int Version,
    DateTimeOffset PublishedAt,
    bool IsLate,
    IReadOnlyList<ReportPartResource> Parts,
    string Url,
    string ApiUrl);

/// <summary>One part of a report: its answers and, in the Norms part, the checklist.</summary>
public sealed record ReportPartResource(
    string Key,
    PartKind Kind,
    string Title,
    IReadOnlyList<ReportAnswerResource> Answers,
    IReadOnlyList<ReportActionResource> Actions);

/// <summary>The answer to one question; <c>entries</c> are the API addresses of linked published entries.</summary>
public sealed record ReportAnswerResource(
    string QuestionKey,
    QuestionKind Kind,
    string Question,
    IReadOnlyList<string> Choices,
    bool? Yes,
    string? Text,
    IReadOnlyList<string> Entries);

/// <summary>A State's record for one checklist action.</summary>
public sealed record ReportActionResource(
    string ActionKey,
    int Norm,
    string Action,
    string Source,
    ChecklistStatus? Status,
    string? Measures,
    string? Challenges,
    string? CapacityNeeds,
    IReadOnlyList<string> Entries);
