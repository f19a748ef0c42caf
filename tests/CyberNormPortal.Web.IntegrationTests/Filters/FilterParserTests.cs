using System.Globalization;
using System.Resources;
using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Domain.Norms;
using CyberNormPortal.Domain.States;
using CyberNormPortal.Web.Filters;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;
using CyberNormPortal.Web.Synthesis;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace CyberNormPortal.Web.IntegrationTests.Filters;

/// <summary>The parsers themselves: each limit at its edges, and what is kept and left out.</summary>
public sealed class FilterParserTests(PortalFixture portal) : PortalTest(portal)
{
    private static QueryCollection Query(string query) => new(QueryHelpers.ParseQuery(query));

    private static Parsed<EntryQuery> Text(string query) => EntryFilterParser.ParseText(Query(query));

    [Theory]
    [InlineData("norm=1", 1)]
    [InlineData("norm=11", Norm.Count)]
    [InlineData("norm=%2011%20", 11)]
    public void Norm_FromOneToNormCount_IsKept(string query, int expected)
    {
        var parsed = Text(query);

        Assert.True(parsed.IsValid);
        Assert.Equal(expected, parsed.Value.Filters.Norm);
    }

    [Theory]
    [InlineData("norm=0")]
    [InlineData("norm=12")]
    [InlineData("norm=-1")]
    [InlineData("norm=%2B3")]
    [InlineData("norm=3.0")]
    [InlineData("norm=99999999999")]
    public void Norm_OutsideTheRangeOrNotAWholeNumber_IsAProblemAndLeftOut(string query)
    {
        var parsed = Text(query);

        var problem = Assert.Single(parsed.Problems);
        Assert.Equal(("norm", FilterMessages.Norm), (problem.Parameter, problem.MessageKey));
        Assert.Equal([FilterLimits.FirstNorm, FilterLimits.LastNorm], problem.Arguments.Skip(1));
        Assert.Null(parsed.Value.Filters.Norm);
    }

    [Theory]
    [InlineData("year=1990", true)]
    [InlineData("year=2100", true)]
    [InlineData("year=1989", false)]
    [InlineData("year=2101", false)]
    [InlineData("page=1", true)]
    [InlineData("page=100000", true)]
    [InlineData("page=0", false)]
    [InlineData("page=100001", false)]
    public void YearAndPage_AreKeptOnlyWithinTheirLimits(string query, bool kept)
    {
        var parsed = Text(query);

        Assert.Equal(kept, parsed.IsValid);
        Assert.Equal(kept ? null : query.Split('=')[0], parsed.Problems.SingleOrDefault()?.Parameter);
    }

    [Theory]
    [InlineData("language=en", "en")]
    [InlineData("language=FR", "fr")]
    [InlineData("language=xx", null)]
    [InlineData("language=en-GB-oxendict-with-far-too-many-subtags", null)]
    [InlineData("language=en_GB", null)]
    public void Language_IsOneOfTheLanguagesEntriesAreWrittenIn(string query, string? expected)
    {
        var parsed = Text(query);

        Assert.Equal(expected, parsed.Value.Filters.Language);
        Assert.Equal(expected is null, parsed.Problems.Any(p => p.Parameter == "language" && p.MessageKey == FilterMessages.Language));
    }

    [Fact]
    public void EveryFilter_InAnyLetterCase_IsReadAsTheUrlsOfSearchAndTheApiWriteIt()
    {
        var parsed = Text("norm=3&kind=bestPractice&category=INSTITUTIONSANDCERTS&state=ken&group=g7&region=african&cycle=g7-cni-2019&year=2019&language=en&page=2");

        Assert.True(parsed.IsValid);
        Assert.Equal(
            new EntryQuery(new Search.EntryFilters(3, EntryKind.BestPractice, PracticeCategory.InstitutionsAndCerts, "KEN", "g7", RegionalGroup.African, "g7-cni-2019", 2019, "en"), 2),
            parsed.Value);
    }

    [Theory]
    [InlineData("kind=Nonsense", "kind")]
    [InlineData("kind=1", "kind")]
    [InlineData("category=7", "category")]
    [InlineData("region=Atlantis", "region")]
    [InlineData("state=KENYA", "state")]
    [InlineData("state=ke", "state")]
    [InlineData("norm=3&norm=4", "norm")]
    [InlineData("state=K%00N", "state")]
    [InlineData("group=g%1B7", "group")]
    public void BadValue_IsNamedByItsParameter_AndTheOthersAreKept(string query, string parameter)
    {
        var parsed = Text(query + "&year=2019");

        Assert.Equal(parameter, Assert.Single(parsed.Problems).Parameter);
        Assert.Equal(2019, parsed.Value.Filters.Year);
    }

    [Fact]
    public void SameValueTwice_IsOneValue()
    {
        var parsed = Text("norm=3&norm=3");

        Assert.True(parsed.IsValid);
        Assert.Equal(3, parsed.Value.Filters.Norm);
    }

    [Fact]
    public void RefusedValue_IsRepeatedCutToTheEchoedLength()
    {
        var problem = Assert.Single(Text("kind=" + new string('x', 500)).Problems);

        Assert.Equal(new string('x', FilterLimits.EchoedLength) + "…", problem.Arguments[0]);
    }

    [Fact]
    public void Check_LeavesOutAndNamesTheStateGroupAndCycleThatDoNotExist()
    {
        var known = new KnownReferences(new HashSet<string> { "KEN" }, new HashSet<string> { "g7" }, new HashSet<string>());

        var kept = EntryFilterParser.Check(Text("state=ken&group=g7&cycle=never"), known);
        var dropped = EntryFilterParser.Check(Text("state=XXX&group=nowhere"), known);

        Assert.Equal(("KEN", "g7", (string?)null), (kept.Value.Filters.State, kept.Value.Filters.Group, kept.Value.Filters.Cycle));
        Assert.Equal(["cycle"], kept.Problems.Select(p => p.Parameter));
        Assert.Equal(["state", "group"], dropped.Problems.Select(p => p.Parameter));
        Assert.Null(dropped.Value.Filters.State);
        Assert.Null(dropped.Value.Filters.Group);
    }

    [Fact]
    public async Task ParseAsync_AsksTheDatabaseWhetherStatesGroupsAndCyclesExist()
    {
        var parsed = await WithParser<EntryFilterParser, Parsed<EntryQuery>>(p =>
            p.ParseAsync(Query("state=FRA&group=g7&cycle=g7-cni-2019"), CancellationToken.None));
        var unknown = await WithParser<EntryFilterParser, Parsed<EntryQuery>>(p =>
            p.ParseAsync(Query("state=XXX&group=G7&cycle=never"), CancellationToken.None));

        Assert.True(parsed.IsValid);
        Assert.Equal(["state", "group", "cycle"], unknown.Problems.Select(p => p.Parameter));
    }

    [Theory]
    [InlineData("states=FRA,jpn", new[] { "FRA", "JPN" }, new string[0])]
    [InlineData("states=FRA&states=JPN&states=FRA", new[] { "FRA", "JPN" }, new string[0])]
    [InlineData("states=FRA,XXX,JPN", new[] { "FRA", "JPN" }, new[] { FilterMessages.State })]
    [InlineData("states=FRA", new[] { "FRA" }, new[] { FilterMessages.TooFewStates })]
    [InlineData("states=FRA,JPN,KEN,DEU,ITA", new[] { "FRA", "JPN", "KEN", "DEU" }, new[] { FilterMessages.TooManyStates })]
    [InlineData("states=", new string[0], new string[0])]
    public async Task StateList_KeepsKnownStatesUpToTheMaximum_AndNamesTheRest(string query, string[] chosen, string[] messages)
    {
        var parsed = await WithParser<EntryFilterParser, Parsed<IReadOnlyList<string>>>(p =>
            p.ParseStatesAsync(Query(query), FilterNames.States, 2, 4, CancellationToken.None));

        Assert.Equal(chosen, parsed.Value);
        Assert.Equal(messages, parsed.Problems.Select(p => p.MessageKey));
        Assert.All(parsed.Problems, p => Assert.Equal("states", p.Parameter));
    }

    [Theory]
    [InlineData("group=g7&cycle=g7-cni-2019&region=WesternEuropeanAndOthers&view=category", "g7", "g7-cni-2019", RegionalGroup.WesternEuropeanAndOthers, SynthesisGrouping.Category, "")]
    [InlineData("view=KIND", null, null, null, SynthesisGrouping.Kind, "")]
    [InlineData("group=nowhere&cycle=g7-cni-2019", null, "g7-cni-2019", null, SynthesisGrouping.Kind, "group")]
    [InlineData("cycle=never&region=african", null, null, RegionalGroup.African, SynthesisGrouping.Kind, "cycle")]
    [InlineData("region=Atlantis&view=nonsense", null, null, null, SynthesisGrouping.Kind, "region,view")]
    public async Task SynthesisScope_KeepsWhatExists_AndNamesTheRest(
        string query, string? group, string? cycle, RegionalGroup? region, SynthesisGrouping grouping, string problems)
    {
        var parsed = await WithParser<SynthesisScopeParser, Parsed<SynthesisRequest>>(p => p.ParseAsync(Query(query), CancellationToken.None));

        Assert.Equal(new SynthesisRequest(new SynthesisScope(group, cycle, region), grouping), parsed.Value);
        Assert.Equal(problems, string.Join(',', parsed.Problems.Select(p => p.Parameter)));
    }

    [Fact]
    public void EveryMessage_HasAnEnglishResource()
    {
        var resources = new ResourceManager("CyberNormPortal.Web.Resources.SharedResource", typeof(SharedResource).Assembly);
        var constants = typeof(FilterMessages).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();

        Assert.Equal(constants.Order(), FilterMessages.All.Order());
        Assert.All(FilterMessages.All, key => Assert.NotNull(resources.GetString(key, new CultureInfo("en"))));
    }

    private Task<TResult> WithParser<TParser, TResult>(Func<TParser, Task<TResult>> parse)
        where TParser : notnull =>
        Portal.WithServicesAsync(services => parse(services.GetRequiredService<TParser>()));
}
