namespace CyberNormPortal.Web.IntegrationTests.Localization;

/// <summary>
/// The translations are complete and faithful to the English in form: every key of every resource file exists in
/// all six languages, non-empty, with the same placeholders, and differs from the English unless the language's
/// allow-list says the same word is right (SameAsEnglish.{language}.txt).
/// </summary>
public sealed class TranslationCompletenessTests
{
    public static TheoryData<string, string> Files()
    {
        var files = new TheoryData<string, string>();
        foreach (var baseName in Resources.BaseNames)
        {
            foreach (var language in Resources.Translations)
            {
                files.Add(baseName, language);
            }
        }

        return files;
    }

    [Fact]
    public void ThereAreResourceFilesToCheck() =>
        Assert.Superset(new HashSet<string> { "SharedResource", "MailResource" }, Resources.BaseNames.ToHashSet());

    [Theory]
    [MemberData(nameof(Files))]
    public void EveryKey_IsTranslated(string baseName, string language)
    {
        var english = Resources.Read(baseName, "en");
        var translated = Resources.Read(baseName, language);

        var missing = english.Keys.Where(k => string.IsNullOrWhiteSpace(translated.GetValueOrDefault(k))).ToList();
        var extra = translated.Keys.Where(k => !english.ContainsKey(k)).ToList();

        Assert.True(missing.Count == 0, $"{baseName}.{language}.resx lacks {missing.Count} of {english.Count} keys:\n" + string.Join('\n', missing));
        Assert.True(extra.Count == 0, $"{baseName}.{language}.resx has keys the English does not:\n" + string.Join('\n', extra));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void EveryTranslation_KeepsThePlaceholdersOfTheEnglish(string baseName, string language)
    {
        var english = Resources.Read(baseName, "en");
        var translated = Resources.Read(baseName, language);

        var changed = english.Where(pair => translated.TryGetValue(pair.Key, out var value)
                && !Resources.Placeholders(pair.Value).SequenceEqual(Resources.Placeholders(value)))
            .Select(pair => $"{pair.Key}: [{string.Join(' ', Resources.Placeholders(pair.Value))}] → [{string.Join(' ', Resources.Placeholders(translated[pair.Key]))}]")
            .ToList();

        Assert.True(changed.Count == 0, $"{baseName}.{language}.resx adds or loses placeholders:\n" + string.Join('\n', changed));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void NoTranslation_IsTheEnglishUnlessAllowed(string baseName, string language)
    {
        var english = Resources.Read(baseName, "en");
        var translated = Resources.Read(baseName, language);
        var allowed = Resources.SameAsEnglish(language);

        var untranslated = english.Where(pair => translated.GetValueOrDefault(pair.Key) == pair.Value && !allowed.Contains(pair.Key)).Select(pair => pair.Key).ToList();

        Assert.True(untranslated.Count == 0, $"{baseName}.{language}.resx repeats the English (translate, or add to SameAsEnglish.{language}.txt):\n" + string.Join('\n', untranslated));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void TheAllowList_NamesOnlyKeysThatExist(string language)
    {
        var keys = Resources.BaseNames.SelectMany(b => Resources.Read(b, "en").Keys).ToHashSet(StringComparer.Ordinal);

        Assert.All(Resources.SameAsEnglish(language), key => Assert.Contains(key, keys));
    }

    public static TheoryData<string> Languages() => [.. Resources.Translations];
}
