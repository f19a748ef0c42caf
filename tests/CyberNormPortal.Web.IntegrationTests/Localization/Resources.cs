using System.Text.RegularExpressions;
using System.Xml.Linq;
using CyberNormPortal.Web.Localization;

namespace CyberNormPortal.Web.IntegrationTests.Localization;

/// <summary>
/// The portal's resource files as translators edit them (src/CyberNormPortal.Web/Resources/*.resx): for each base
/// name, the English file and one file per other language, and the keys each language rightly leaves as the
/// English (SameAsEnglish.{language}.txt beside these tests).
/// </summary>
public static partial class Resources
{
    public static string Folder => Path.Combine(RepositoryRoot(), "src", "CyberNormPortal.Web", "Resources");

    /// <summary>Base names of the resource files: SharedResource, MailResource, …</summary>
    public static IReadOnlyList<string> BaseNames =>
        [.. Directory.EnumerateFiles(Folder, "*.resx").Select(Path.GetFileNameWithoutExtension).Where(n => !n!.Contains('.')).Order()!];

    /// <summary>The languages other than English.</summary>
    public static IReadOnlyList<string> Translations => [.. PortalCultures.All.Select(c => c.Name).Where(n => n != PortalCultures.DefaultName)];

    /// <summary>Key → value of one file; the English one when <paramref name="language"/> is "en".</summary>
    public static IReadOnlyDictionary<string, string> Read(string baseName, string language)
    {
        var file = Path.Combine(Folder, language == PortalCultures.DefaultName ? $"{baseName}.resx" : $"{baseName}.{language}.resx");
        return File.Exists(file)
            ? XDocument.Load(file).Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "")
            : new Dictionary<string, string>();
    }

    /// <summary>Keys whose value in <paramref name="language"/> may equal the English (a word both share, a code).</summary>
    public static IReadOnlySet<string> SameAsEnglish(string language)
    {
        var file = Path.Combine(RepositoryRoot(), "tests", "CyberNormPortal.Web.IntegrationTests", "Localization", $"SameAsEnglish.{language}.txt");
        return File.Exists(file) ? File.ReadAllLines(file).Where(l => l.Length > 0).ToHashSet(StringComparer.Ordinal) : new HashSet<string>();
    }

    /// <summary>The placeholders of a text: {0}, {1:N0}, {title}; sorted, so that a translation may reorder them.</summary>
    public static IReadOnlyList<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal)];

    /// <summary>
    /// The English interface texts (shared page resources) that a page in <paramref name="language"/> must not show:
    /// each as a pattern of the whole text, placeholders standing for anything. None for English.
    /// </summary>
    public static IReadOnlyList<Regex> EnglishTextsThatMustNotShowIn(string language)
    {
        if (language == PortalCultures.DefaultName)
        {
            return [];
        }

        var translated = Read("SharedResource", language);
        var same = SameAsEnglish(language);
        return [.. Read("SharedResource", PortalCultures.DefaultName)
            .Where(pair => !same.Contains(pair.Key) && translated.GetValueOrDefault(pair.Key) != pair.Value)
            .Select(pair => Collapse(pair.Value))
            // Only texts with words of their own: a pattern such as "{0}, {1}" would match any sentence with a comma.
            .Where(text => Placeholder().Replace(text, "").Any(char.IsLetter))
            .Distinct()
            .Select(WholeText)];
    }

    /// <summary>
    /// Every text of the shared resources in <paramref name="language"/>, as patterns of the whole text: a page text
    /// that is one of these is that language's own, even where it also reads as an English pattern ("Compare {0}"
    /// and the Spanish "Compare de dos a cuatro Estados…").
    /// </summary>
    public static IReadOnlyList<Regex> TextsOf(string language) =>
        [.. Read("SharedResource", language).Values.Select(Collapse).Where(text => text.Length > 0).Distinct()
            .Select(WholeText)];

    /// <summary>A resource text as a pattern of a whole page text, each placeholder standing for anything.</summary>
    private static Regex WholeText(string text) =>
        new("^" + Placeholder().Replace(Regex.Escape(text).Replace(@"\{", "{", StringComparison.Ordinal), ".+") + "$", RegexOptions.CultureInvariant);

    private static string Collapse(string text) => Whitespace().Replace(text, " ").Trim();

    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CyberNormPortal.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root was not found.");
    }

    [GeneratedRegex(@"\{(?:\d+|[A-Za-z]+)(?:[,:][^}]*)?\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
