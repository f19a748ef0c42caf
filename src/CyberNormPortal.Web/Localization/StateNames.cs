using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;
using CyberNormPortal.Domain.States;

namespace CyberNormPortal.Web.Localization;

/// <summary>
/// The name of a State in each portal language: English as the seed data has it (states.json, the UN's English short
/// names), every other language from CLDR through the system's ICU4C (icu.net), except where the UN's short name
/// differs from CLDR's everyday one (state-name-overrides.json). Built once: 193 names in six languages. See
/// docs/decisions/0014-reference-data-in-six-languages.md.
/// </summary>
public sealed class StateNames
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        Converters = { new JsonStringEnumConverter() },
    };

    private readonly FrozenDictionary<string, FrozenDictionary<string, string>> names;

    public StateNames()
    {
        var english = ReadSeed<List<StateRecord>>("states.json").ToDictionary(s => State.NormaliseIso3(s.Iso3), s => s.Name);
        var overrides = ReadSeed<OverridesFile>("state-name-overrides.json").Overrides;
        Icu.Wrapper.Init();
        names = PortalCultures.All.ToFrozenDictionary(
            c => c.Name,
            c => english.ToFrozenDictionary(
                s => s.Key,
                s => c.Name == PortalCultures.DefaultName
                    ? s.Value
                    : overrides.GetValueOrDefault(s.Key)?.GetValueOrDefault(c.Name) ?? FromCldr(s.Key, c.Name) ?? s.Value));
    }

    /// <summary>Every State's name in <paramref name="culture"/>, by ISO 3166-1 alpha-3 code.</summary>
    public IReadOnlyDictionary<string, string> In(PortalCulture culture) => names[culture.Name];

    /// <summary>
    /// The name of the State <paramref name="iso3"/> in the current request's language. In English, or for a State
    /// not in the seed data, the name stored with it (<paramref name="stored"/>) when given.
    /// </summary>
    public string Of(string iso3, string? stored = null) => Of(iso3, PortalCultures.Current, stored);

    public string Of(string iso3, PortalCulture culture, string? stored = null)
    {
        if (culture.Name == PortalCultures.DefaultName && stored is not null)
        {
            return stored;
        }

        return names[culture.Name].GetValueOrDefault(State.NormaliseIso3(iso3)) ?? stored ?? iso3;
    }

    /// <summary>
    /// An entry's author as the reader sees it: its State's name in their language, or a group's name as stored
    /// (<paramref name="stateIso3"/> null) — the read table keeps the English name of either.
    /// </summary>
    public string Author(string? stateIso3, string storedName) => stateIso3 is null ? storedName : Of(stateIso3, storedName);

    /// <summary>Compares names as a reader of the current language sorts them (its collation, not code points).</summary>
    public static StringComparer Collation => StringComparer.Create(PortalCultures.Current.Culture, ignoreCase: true);

    /// <summary>The items ordered by a name already localised, in the current language's collation.</summary>
    public static List<T> Sort<T>(IEnumerable<T> items, Func<T, string> name) => [.. items.OrderBy(name, Collation)];

    private static string? FromCldr(string iso3, string language)
    {
        var region = new Icu.Locale($"und_{iso3}");
        if (!string.Equals(region.Iso3Country, iso3, StringComparison.Ordinal))
        {
            return null;
        }

        var name = region.GetDisplayCountry(new Icu.Locale(language));
        // ICU answers with the code itself when it has no name for the region.
        return string.IsNullOrWhiteSpace(name) || name == region.Country || name == iso3 ? null : name;
    }

    private static T ReadSeed<T>(string fileName)
    {
        using var stream = typeof(StateNames).Assembly.GetManifestResourceStream($"Seed.{fileName}")
            ?? throw new InvalidOperationException($"Seed file {fileName} is not embedded in the assembly.");
        return JsonSerializer.Deserialize<T>(stream, JsonOptions)
            ?? throw new InvalidOperationException($"Seed file {fileName} is empty.");
    }

    private sealed record StateRecord(string Iso3, string Name);

    private sealed record OverridesFile(Dictionary<string, Dictionary<string, string>> Overrides);
}
