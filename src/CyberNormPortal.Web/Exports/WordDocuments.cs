using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CyberNormPortal.Web.Exports;

/// <summary>
/// What every Word export shares: the package with its own styles (Title, Heading 1–3, Quote, List Paragraph,
/// Attribution, Hyperlink) and bullet numbering, an A4 page, and text that only ever goes in as <see cref="Text"/>
/// elements through <see cref="ExportText.OneLine"/>.
/// </summary>
internal static class WordDocuments
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public const int BulletNumberingId = 1;

    /// <summary>A document titled <paramref name="title"/> whose body <paramref name="write"/> fills.</summary>
    public static byte[] Create(string title, DateTimeOffset generatedAt, Action<MainDocumentPart, Body> write)
    {
        using var stream = new MemoryStream();
        using (var package = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            package.PackageProperties.Title = ExportText.OneLine(title);
            package.PackageProperties.Creator = "CyberNormPortal";
            package.PackageProperties.Created = generatedAt.UtcDateTime;

            var main = package.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
            main.AddNewPart<NumberingDefinitionsPart>().Numbering = BulletNumbering();

            var body = new Body();
            write(main, body);
            body.Append(new SectionProperties(
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1134, Right = 1134U, Bottom = 1134, Left = 1134U, Header = 567U, Footer = 567U, Gutter = 0U }));
            main.Document = new Document(body);
        }

        return stream.ToArray();
    }

    /// <summary>A bulleted paragraph.</summary>
    public static Paragraph BulletParagraph(params OpenXmlElement[] runs) =>
        new(new OpenXmlElement[]
        {
            new ParagraphProperties(
                new ParagraphStyleId { Val = "ListParagraph" },
                new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = BulletNumberingId })),
        }.Concat(runs));

    /// <summary>A link to an absolute address, or the bare run where the address is not one.</summary>
    public static OpenXmlElement Link(MainDocumentPart main, string address, Run run)
    {
        if (!Uri.TryCreate(address, UriKind.Absolute, out var url))
        {
            return run;
        }

        var relationship = main.AddHyperlinkRelationship(url, isExternal: true);
        return new Hyperlink(run) { Id = relationship.Id, History = true };
    }

    public static Run LinkRun(string text, params OpenXmlElement[] properties) =>
        new(new RunProperties([new RunStyle { Val = "Hyperlink" }, .. properties]), Text(ExportText.OneLine(text)));

    /// <summary>A space between runs (<see cref="ExportText.OneLine"/> trims the runs' own).</summary>
    public static Run Space() => new(Text(" "));

    public static Run Bold(string text) => new(new RunProperties(new Bold()), Text(ExportText.OneLine(text)));

    public static Paragraph Paragraph(string style, params OpenXmlElement[] runs) =>
        new(new OpenXmlElement[] { new ParagraphProperties(new ParagraphStyleId { Val = style }) }.Concat(runs));

    public static Run Plain(string text) => new(Text(ExportText.OneLine(text)));

    /// <summary>Text written in <paramref name="language"/>: Word is told its language, and its direction for Arabic.</summary>
    public static Run InLanguage(string text, string language) =>
        new(new RunProperties(LanguageOf(language)), Text(ExportText.OneLine(text)));

    public static OpenXmlElement[] LanguageOf(string language) =>
        Localization.TextDirection.Direction(language) == "rtl"
            ? [new RightToLeftText(), new Languages { Bidi = language }]
            : language.StartsWith("zh", StringComparison.OrdinalIgnoreCase)
                ? [new Languages { EastAsia = language }]
                : [new Languages { Val = language }];

    public static Run Italic(string text) => new(new RunProperties(new Italic()), Text(ExportText.OneLine(text)));

    /// <summary>A text node, spaces kept; callers pass text through <see cref="ExportText.OneLine"/> first.</summary>
    public static Text Text(string line) => new(line) { Space = SpaceProcessingModeValues.Preserve };

    private static Numbering BulletNumbering() => new(
        new AbstractNum(
            new MultiLevelType { Val = MultiLevelValues.SingleLevel },
            new Level(
                new StartNumberingValue { Val = 1 },
                new NumberingFormat { Val = NumberFormatValues.Bullet },
                new LevelText { Val = "•" },
                new LevelJustification { Val = LevelJustificationValues.Left },
                new PreviousParagraphProperties(new Indentation { Left = "720", Hanging = "360" }))
            { LevelIndex = 0 })
        { AbstractNumberId = 1 },
        new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = BulletNumberingId });

    /// <summary>The language of the document's fixed text, the reader's culture (English as the UN's British English).</summary>
    private static string DocumentLanguage() =>
        Localization.PortalCultures.Current.Name == Localization.PortalCultures.DefaultName ? "en-GB" : Localization.PortalCultures.Current.Name;

    private static Styles Styles() => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = "Calibri", HighAnsi = "Calibri", ComplexScript = "Calibri", EastAsia = "Calibri" },
                new FontSize { Val = "22" },
                new FontSizeComplexScript { Val = "22" },
                new Languages { Val = DocumentLanguage() })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                new SpacingBetweenLines { After = "160", Line = "264", LineRule = LineSpacingRuleValues.Auto }))),
        ParagraphStyle("Normal", "Normal", null, isDefault: true, uiPriority: 0),
        ParagraphStyle(
            "Title", "Title", "Normal", uiPriority: 10,
            paragraph: new StyleParagraphProperties(new SpacingBetweenLines { After = "240" }, new ContextualSpacing()),
            run: new StyleRunProperties(new Bold(), new FontSize { Val = "48" }, new FontSizeComplexScript { Val = "48" })),
        ParagraphStyle(
            "Heading1", "heading 1", "Normal", uiPriority: 9,
            paragraph: new StyleParagraphProperties(
                new KeepNext(), new KeepLines(), new SpacingBetweenLines { Before = "480", After = "120" }, new OutlineLevel { Val = 0 }),
            run: new StyleRunProperties(new Bold(), new FontSize { Val = "32" }, new FontSizeComplexScript { Val = "32" })),
        ParagraphStyle(
            "Heading2", "heading 2", "Normal", uiPriority: 9,
            paragraph: new StyleParagraphProperties(
                new KeepNext(), new KeepLines(), new SpacingBetweenLines { Before = "240", After = "80" }, new OutlineLevel { Val = 1 }),
            run: new StyleRunProperties(new Bold(), new FontSize { Val = "26" }, new FontSizeComplexScript { Val = "26" })),
        ParagraphStyle(
            "Heading3", "heading 3", "Normal", uiPriority: 9,
            paragraph: new StyleParagraphProperties(
                new KeepNext(), new KeepLines(), new SpacingBetweenLines { Before = "200", After = "60" }, new OutlineLevel { Val = 2 }),
            run: new StyleRunProperties(new Bold(), new FontSize { Val = "23" }, new FontSizeComplexScript { Val = "23" })),
        ParagraphStyle(
            "Quote", "Quote", "Normal", uiPriority: 29,
            paragraph: new StyleParagraphProperties(
                new KeepNext(), new SpacingBetweenLines { Before = "120", After = "160" }, new Indentation { Left = "567", Right = "567" }),
            run: new StyleRunProperties(new Italic())),
        ParagraphStyle(
            "ListParagraph", "List Paragraph", "Normal", uiPriority: 34,
            paragraph: new StyleParagraphProperties(
                new KeepLines(), new SpacingBetweenLines { After = "80" }, new Indentation { Left = "720" })),
        ParagraphStyle(
            "Attribution", "Attribution", "Normal", uiPriority: 99,
            paragraph: new StyleParagraphProperties(new SpacingBetweenLines { After = "60" }),
            run: new StyleRunProperties(new FontSize { Val = "18" }, new FontSizeComplexScript { Val = "18" })),
        new Style(
            new StyleName { Val = "Hyperlink" },
            new UIPriority { Val = 99 },
            new UnhideWhenUsed(),
            new StyleRunProperties(new Color { Val = "0563C1" }, new Underline { Val = UnderlineValues.Single }))
        { Type = StyleValues.Character, StyleId = "Hyperlink" });

    private static Style ParagraphStyle(
        string id, string name, string? basedOn, bool isDefault = false, int uiPriority = 99,
        StyleParagraphProperties? paragraph = null, StyleRunProperties? run = null)
    {
        var style = new Style { Type = StyleValues.Paragraph, StyleId = id };
        if (isDefault)
        {
            style.Default = true;
        }

        style.Append(new StyleName { Val = name });
        if (basedOn is not null)
        {
            style.Append(new BasedOn { Val = basedOn });
            style.Append(new NextParagraphStyle { Val = "Normal" });
        }

        style.Append(new UIPriority { Val = uiPriority });
        style.Append(new PrimaryStyle());
        if (paragraph is not null)
        {
            style.Append(paragraph);
        }

        if (run is not null)
        {
            style.Append(run);
        }

        return style;
    }
}
