using CyberNormPortal.Domain.States;
using CyberNormPortal.Web.Synthesis;

namespace CyberNormPortal.Web.Filters;

/// <summary>A synthesis as a query string asks for it: its scope and how its entries are grouped.</summary>
public sealed record SynthesisRequest(SynthesisScope Scope, SynthesisGrouping Grouping = SynthesisGrouping.Kind);

/// <summary>
/// The one parser of a scope (<c>group, cycle, region</c>) and of a synthesis (the scope and <c>view</c>), for the
/// synthesis page, its .md and .docx exports, the coverage map and the API. Group, cycle and region follow the same
/// rules as the entry filters of the same names (<see cref="EntryFilterParser"/>); their existence is one query.
/// </summary>
public sealed class SynthesisScopeParser(ReferenceLookup references)
{
    /// <summary>The scope alone, for pages and endpoints that take no <c>view</c> (coverage, the API).</summary>
    public async Task<Parsed<SynthesisScope>> ParseScopeAsync(IQueryCollection query, CancellationToken cancellationToken)
    {
        var values = new QueryValues(query);
        var scope = await ScopeAsync(values, cancellationToken);
        return new Parsed<SynthesisScope>(scope, values.Problems);
    }

    public async Task<Parsed<SynthesisRequest>> ParseAsync(IQueryCollection query, CancellationToken cancellationToken)
    {
        var values = new QueryValues(query);
        var scope = await ScopeAsync(values, cancellationToken);
        var grouping = values.Choice<SynthesisGrouping>(FilterNames.View, FilterMessages.View) ?? SynthesisGrouping.Kind;
        return new Parsed<SynthesisRequest>(new SynthesisRequest(scope, grouping), values.Problems);
    }

    private async Task<SynthesisScope> ScopeAsync(QueryValues values, CancellationToken cancellationToken)
    {
        var group = values.Single(FilterNames.Group);
        var cycle = values.Single(FilterNames.Cycle);
        var region = values.Choice<RegionalGroup>(FilterNames.Region, FilterMessages.Region);
        var known = await references.FindAsync([], group is null ? [] : [group], cycle is null ? [] : [cycle], cancellationToken);
        return new SynthesisScope(known.Group(group, values), known.Cycle(cycle, values), region);
    }
}
