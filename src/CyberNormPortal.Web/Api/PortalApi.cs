using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Domain.Norms;
using CyberNormPortal.Domain.States;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Data.Queries;
using CyberNormPortal.Web.Filters;
using CyberNormPortal.Web.Synthesis;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CyberNormPortal.Web.Api;

/// <summary>
/// The public read-only API under <c>/api/v1</c>. It serves TLP:CLEAR published content only, whoever calls:
/// every query reads as <see cref="Reader.Anonymous"/>, never as the caller, so a signed-in browser's cookie
/// changes nothing.
/// </summary>
public static class PortalApi
{
    public const string CorsPolicy = "PublicApi";
    public const string OpenApiPath = ApiLinks.Prefix + "/openapi.json";

    public static IServiceCollection AddPortalApi(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
            // The API only writes JSON: numbers are numbers, and the document says "integer", not "integer or string".
            options.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });
        // Any site may read the public API from a browser; no cookies are sent or honoured.
        services.AddCors(options => options.AddPolicy(CorsPolicy, policy => policy
            .AllowAnyOrigin()
            .WithMethods(HttpMethods.Get)
            .AllowAnyHeader()
            .WithExposedHeaders("ETag")));
        services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "CyberNormPortal public API";
            document.Info.Version = "v1";
            document.Info.Description =
                "Read-only access to what States have published, TLP:CLEAR only: the eleven norms, States, groups, " +
                "reporting cycles, entries and the norm-by-norm synthesis. Every response carries a strong ETag; " +
                "send it back in If-None-Match to get 304 Not Modified.";
            return Task.CompletedTask;
        }));
        return services;
    }

    public static IEndpointRouteBuilder MapPortalApi(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi(OpenApiPath).RequireCors(CorsPolicy);

        var api = app.MapGroup(ApiLinks.Prefix)
            .RequireCors(CorsPolicy)
            .AddEndpointFilter<ETagFilter>()
            // Answers change only on publication: kept until the next one, like the pages (Caching/PublishedContentCache.cs).
            .CacheOutput(Caching.PublishedContentCachePolicy.Name)
            .WithTags("Public API");

        api.MapGet("/norms", ListNorms)
            .WithName("ListNorms")
            .WithSummary("The eleven norms")
            .WithDescription("The norms of A/70/174, para. 13 (a)–(k), with their text and how many TLP:CLEAR entries report on each.")
            .Produces<IReadOnlyList<NormResource>>();
        api.MapGet("/norms/{number:int}", GetNorm)
            .WithName("GetNorm")
            .WithSummary("One norm")
            .WithDescription("A norm by its number, 1 to 11.")
            .Produces<NormResource>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/states", ListStates)
            .WithName("ListStates")
            .WithSummary("UN member States")
            .WithDescription("Every UN member State: ISO 3166-1 alpha-3 code, name, UN regional group and participation in the initiative.")
            .Produces<IReadOnlyList<StateResource>>();
        api.MapGet("/states/{iso3}", GetState)
            .WithName("GetState")
            .WithSummary("One State")
            .WithDescription("A State by its ISO 3166-1 alpha-3 code, with the groups it belongs to.")
            .Produces<StateDetailResource>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/groups", ListGroups)
            .WithName("ListGroups")
            .WithSummary("Groups of States")
            .WithDescription("Groups that report together, with their members' ISO 3166-1 alpha-3 codes.")
            .Produces<IReadOnlyList<GroupResource>>();
        api.MapGet("/groups/{slug}", GetGroup)
            .WithName("GetGroup")
            .WithSummary("One group")
            .WithDescription("A group by its slug, e.g. g7.")
            .Produces<GroupResource>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/cycles", ListCycles)
            .WithName("ListCycles")
            .WithSummary("Reporting cycles")
            .WithDescription("Reporting cycles, newest first.")
            .Produces<IReadOnlyList<CycleResource>>();
        api.MapGet("/cycles/{slug}", GetCycle)
            .WithName("GetCycle")
            .WithSummary("One reporting cycle")
            .WithDescription("A reporting cycle by its slug, e.g. g7-cni-2019.")
            .Produces<CycleResource>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/entries", ListEntries)
            .WithName("ListEntries")
            .WithSummary("Published entries")
            .WithDescription("Published TLP:CLEAR entries, newest first, filtered and paged. The links keep the filters.")
            .Produces<EntryPage>()
            .ProducesValidationProblem();
        api.MapGet("/entries/{id:int}", GetEntry)
            .WithName("GetEntry")
            .WithSummary("One published entry")
            .WithDescription("A published TLP:CLEAR entry with its Markdown body and references. 404 for anything else.")
            .Produces<EntryDetailResource>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/synthesis", GetSynthesis)
            .WithName("GetSynthesis")
            .WithSummary("The synthesis of a scope")
            .WithDescription("Norm by norm: the norm's text, the lead statement of the group for the cycle, how many of the scope's States reported, and the entries.")
            .Produces<SynthesisResource>()
            .ProducesValidationProblem();
        return app;
    }

    private static ProblemHttpResult NotFoundProblem(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    private static IQueryable<PublishedEntry> Published(PortalDbContext db) => db.PublishedEntries(Reader.Anonymous);

    private static async Task<Ok<List<NormResource>>> ListNorms(PortalDbContext db, HttpRequest request, CancellationToken cancellationToken) =>
        TypedResults.Ok(await Norms(db, new ApiLinks(request), null, cancellationToken));

    private static async Task<Results<Ok<NormResource>, ProblemHttpResult>> GetNorm(
        int number, PortalDbContext db, HttpRequest request, CancellationToken cancellationToken)
    {
        var norms = Norm.IsValidNumber(number) ? await Norms(db, new ApiLinks(request), number, cancellationToken) : [];
        return norms is [var norm] ? TypedResults.Ok(norm) : NotFoundProblem($"There is no norm {number}; norms run from 1 to {Norm.Count}.");
    }

    private static async Task<List<NormResource>> Norms(PortalDbContext db, ApiLinks links, int? number, CancellationToken cancellationToken)
    {
        var published = Published(db);
        var norms = db.Norms.AsNoTracking();
        if (number is { } only)
        {
            norms = norms.Where(n => n.Number == only);
        }

        var rows = await norms.OrderBy(n => n.Number)
            .Select(n => new { n.Number, n.ShortTitle, n.FullText, n.SourceDocument, Count = published.Count(e => e.NormNumber == n.Number) })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(n => new NormResource(
            n.Number,
            Norm.GgeReferenceFor(n.Number),
            n.ShortTitle,
            n.FullText,
            n.SourceDocument,
            n.Count,
            links.Page($"/norms/{n.Number}"),
            links.Api($"/norms/{n.Number}"),
            links.Api($"/entries?norm={n.Number}"),
            links.Page($"/norms/{n.Number}/feed.atom")))];
    }

    private static async Task<Ok<List<StateResource>>> ListStates(PortalDbContext db, HttpRequest request, CancellationToken cancellationToken)
    {
        var links = new ApiLinks(request);
        var states = await db.States.AsNoTracking().OrderBy(s => s.Name)
            .Select(s => new { s.Iso3, s.Name, s.RegionalGroup, s.Participation })
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(states.Select(s => new StateResource(
                s.Iso3, s.Name, s.RegionalGroup, s.Participation, StatePage(links, s.Iso3), links.Api($"/states/{s.Iso3}"),
                links.Api($"/entries?state={s.Iso3}"), StatePage(links, s.Iso3) + "/feed.atom"))
            .ToList());
    }

    private static string StatePage(ApiLinks links, string iso3) => links.Page($"/states/{iso3.ToLowerInvariant()}");

    private static async Task<Results<Ok<StateDetailResource>, ProblemHttpResult>> GetState(
        string iso3, PortalDbContext db, HttpRequest request, CancellationToken cancellationToken)
    {
        var code = State.LooksLikeIso3(iso3) ? State.NormaliseIso3(iso3) : "";
        var published = Published(db);
        var state = await db.States.AsNoTracking()
            .Where(s => s.Iso3 == code)
            .Select(s => new
            {
                s.Iso3,
                s.Name,
                s.RegionalGroup,
                s.Participation,
                Groups = db.GroupMemberships.Where(m => m.StateIso3 == s.Iso3)
                    .Join(db.Groups, m => m.GroupId, g => g.Id, (_, g) => g.Slug)
                    .OrderBy(slug => slug)
                    .ToList(),
                Count = published.Count(e => e.StateIso3 == s.Iso3),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (state is null)
        {
            return NotFoundProblem($"There is no UN member State with the code '{iso3}'.");
        }

        var links = new ApiLinks(request);
        return TypedResults.Ok(new StateDetailResource(
            state.Iso3, state.Name, state.RegionalGroup, state.Participation, state.Groups, state.Count,
            StatePage(links, state.Iso3), links.Api($"/states/{state.Iso3}"), links.Api($"/entries?state={state.Iso3}"),
            StatePage(links, state.Iso3) + "/feed.atom"));
    }

    private static async Task<Ok<List<GroupResource>>> ListGroups(PortalDbContext db, HttpRequest request, CancellationToken cancellationToken) =>
        TypedResults.Ok(await Groups(db, new ApiLinks(request), null, cancellationToken));

    private static async Task<Results<Ok<GroupResource>, ProblemHttpResult>> GetGroup(
        string slug, PortalDbContext db, HttpRequest request, CancellationToken cancellationToken) =>
        await Groups(db, new ApiLinks(request), slug, cancellationToken) is [var group]
            ? TypedResults.Ok(group)
            : NotFoundProblem($"There is no group with the slug '{slug}'.");

    private static async Task<List<GroupResource>> Groups(PortalDbContext db, ApiLinks links, string? slug, CancellationToken cancellationToken)
    {
        var groups = db.Groups.AsNoTracking();
        if (slug is not null)
        {
            groups = groups.Where(g => g.Slug == slug);
        }

        var rows = await groups.OrderBy(g => g.Abbreviation)
            .Select(g => new
            {
                g.Slug,
                g.Name,
                g.Abbreviation,
                Members = g.Memberships.OrderBy(m => m.StateIso3).Select(m => m.StateIso3).ToList(),
            })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(g => new GroupResource(
            g.Slug, g.Name, g.Abbreviation, g.Members, links.Api($"/groups/{ApiLinks.Escape(g.Slug)}"), links.Api($"/entries?group={ApiLinks.Escape(g.Slug)}")))];
    }

    private static async Task<Ok<List<CycleResource>>> ListCycles(PortalDbContext db, HttpRequest request, CancellationToken cancellationToken) =>
        TypedResults.Ok(await Cycles(db, new ApiLinks(request), null, cancellationToken));

    private static async Task<Results<Ok<CycleResource>, ProblemHttpResult>> GetCycle(
        string slug, PortalDbContext db, HttpRequest request, CancellationToken cancellationToken) =>
        await Cycles(db, new ApiLinks(request), slug, cancellationToken) is [var cycle]
            ? TypedResults.Ok(cycle)
            : NotFoundProblem($"There is no reporting cycle with the slug '{slug}'.");

    private static async Task<List<CycleResource>> Cycles(PortalDbContext db, ApiLinks links, string? slug, CancellationToken cancellationToken)
    {
        var cycles = db.Cycles.AsNoTracking();
        if (slug is not null)
        {
            cycles = cycles.Where(c => c.Slug == slug);
        }

        var rows = await cycles.OrderByDescending(c => c.OpensOn).ThenBy(c => c.Slug)
            .Select(c => new
            {
                c.Slug,
                c.Name,
                c.OpensOn,
                c.ClosesOn,
                c.IsOpen,
                ScopeGroup = db.Groups.Where(g => g.Id == c.ScopeGroupId).Select(g => g.Slug).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(c => new CycleResource(
            c.Slug, c.Name, c.OpensOn, c.ClosesOn, c.IsOpen, c.ScopeGroup,
            links.Api($"/cycles/{ApiLinks.Escape(c.Slug)}"), links.Api($"/entries?cycle={ApiLinks.Escape(c.Slug)}")))];
    }

    private static async Task<Results<Ok<EntryPage>, ValidationProblem>> ListEntries(
        [AsParameters] EntryListQuery query, EntryFilterParser parser, IStringLocalizer<SharedResource> localizer,
        PortalDbContext db, HttpRequest request, CancellationToken cancellationToken)
    {
        var parsed = await EntryListQuery.ParseAsync(request.Query, parser, cancellationToken);
        if (!parsed.IsValid)
        {
            return parsed.Problems.ToValidationProblem(localizer);
        }

        var (filters, page, pageSize, lang) = parsed.Value;
        var entries = filters.Apply(Published(db));
        var total = await entries.CountAsync(cancellationToken);
        var rows = await EntryRows.Of(entries.OrderByDescending(e => e.PublishedAt).ThenByDescending(e => e.Id)
                .Skip((page - 1) * pageSize).Take(pageSize), db)
            .ToListAsync(cancellationToken);

        var links = new ApiLinks(request);
        var last = Math.Max(1, (total + pageSize - 1) / pageSize);
        var kept = EntryListQuery.ToQuery(filters).ToList();
        if (lang is not null)
        {
            kept.Add(new(FilterNames.Version, lang));
        }

        string PageUrl(int number) => links.Api("/entries" + QueryString.Create(
            kept.Append(new("page", number.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                .Append(new("pageSize", pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture)))));

        return TypedResults.Ok(new EntryPage(
            [.. rows.Select(r => r.ToResource(links, lang))],
            page,
            pageSize,
            total,
            new PageLinks(
                PageUrl(page),
                PageUrl(1),
                page > 1 ? PageUrl(Math.Min(page - 1, last)) : null,
                page < last ? PageUrl(page + 1) : null,
                PageUrl(last))));
    }

    private static async Task<Results<Ok<EntryDetailResource>, ProblemHttpResult, ValidationProblem>> GetEntry(
        int id,
        [FromQuery(Name = FilterNames.Version), Description("Language to return the entry in where it has a version in it: ar, zh, en, fr, ru or es. Absent: its original.")] string? lang,
        IStringLocalizer<SharedResource> localizer,
        PortalDbContext db,
        HttpRequest request,
        CancellationToken cancellationToken)
    {
        var values = new QueryValues(request.Query);
        lang = values.PortalLanguage(FilterNames.Version);
        if (values.Problems.Count > 0)
        {
            return values.Problems.ToValidationProblem(localizer);
        }

        var row = await EntryRows.Of(Published(db).Where(e => e.Id == id), db).SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            // Unpublished, withdrawn, TLP:GREEN or TLP:AMBER, or no such entry: all look the same.
            return NotFoundProblem($"There is no published TLP:CLEAR entry {id}.");
        }

        var text = await db.Revisions.AsNoTracking()
            .Where(r => r.Id == row.RevisionId)
            .Select(r => new { r.Language, r.Title, r.Summary, r.Body, r.Translations, r.References })
            .SingleAsync(cancellationToken);
        var version = LanguageVersions.Pick(
            EntryText.Versions(text.Language, text.Title, text.Summary, text.Body, text.Translations), v => v.Language, lang);
        var links = new ApiLinks(request);
        return TypedResults.Ok(new EntryDetailResource(
            row.Id, row.Norm, row.Kind, row.Categories, version.Title, version.Summary, version.Body, version.Language, row.Language,
            row.Languages, row.State, row.Group,
            row.AuthorName, row.Cycle, row.PublishedAt,
            [.. text.References.Select(r => new ReferenceResource(r.Title, r.Url, r.Kind))],
            links.EntryPage(row.Id), links.EntryApi(row.Id)));
    }

    private static async Task<Results<Ok<SynthesisResource>, ValidationProblem>> GetSynthesis(
        [FromQuery(Name = "group")] string? group,
        [FromQuery(Name = "cycle")] string? cycle,
        [FromQuery(Name = "region")] string? region,
        [FromQuery(Name = FilterNames.Version), Description("Language of lead statements and entries where they have a version in it: ar, zh, en, fr, ru or es. Absent: the originals.")] string? lang,
        SynthesisScopeParser parser,
        IStringLocalizer<SharedResource> localizer,
        SynthesisReader synthesis,
        HttpRequest request,
        CancellationToken cancellationToken)
    {
        // The parameters above are the documented contract; the portal's one scope parser reads them.
        var parsed = await parser.ParseScopeAsync(request.Query, cancellationToken);
        var values = new QueryValues(request.Query);
        lang = values.PortalLanguage(FilterNames.Version);
        if (!parsed.IsValid || values.Problems.Count > 0)
        {
            return parsed.Problems.Concat(values.Problems).ToValidationProblem(localizer);
        }

        var scope = parsed.Value;
        // Without lang=, the originals: what an API client gets does not depend on its Accept-Language.
        var view = await synthesis.ReadAsync(scope, Reader.Anonymous, SynthesisGrouping.Kind, cancellationToken, lang ?? "");
        var links = new ApiLinks(request);
        return TypedResults.Ok(new SynthesisResource(
            scope.GroupSlug,
            view.GroupName,
            scope.CycleSlug,
            view.CycleName,
            view.Region,
            view.ScopeStates,
            view.EntryCount,
            [.. view.Norms.Select(n => new SynthesisNormResource(
                n.Number,
                n.GgeReference,
                n.ShortTitle,
                n.FullText,
                n.LeadStatement?.Text,
                n.LeadStatement?.Language,
                n.ReportingStates,
                view.ScopeStates,
                n.EntryCount,
                [.. n.Sections.SelectMany(s => s.Entries).Select(e => (Entry: e, Text: e.TextIn(lang))).Select(x => new SynthesisEntryResource(
                    x.Entry.Id, x.Text.Title, x.Text.Summary, x.Text.Language, x.Entry.Kind, x.Entry.AuthorName, links.EntryPage(x.Entry.Id), links.EntryApi(x.Entry.Id)))]))]));
    }
}
