using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Web.Authorization;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Data.Queries;
using CyberNormPortal.Web.Localization;
using CyberNormPortal.Web.Rendering;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.Pages.Entries;

public sealed class DetailsModel(PortalDbContext db, MarkdownRenderer markdown, IAuthorizationService authorization) : PageModel
{
    public PublishedEntry Entry { get; private set; } = new();

    public string NormShortTitle { get; private set; } = "";

    public string? GroupSlug { get; private set; }

    public IReadOnlyList<EntryReference> References { get; private set; } = [];

    public IHtmlContent Body { get; private set; } = HtmlString.Empty;

    /// <summary>The language version shown: the one asked for (<c>?lang=</c>), else the reader's, else the original.</summary>
    public EntryText Text { get; private set; } = new("en", "", "", "", IsOriginal: true);

    /// <summary>The original language, then those of the translations.</summary>
    public IReadOnlyList<string> Languages { get; private set; } = [];

    /// <summary>The query parameter choosing a language version of the entry (<c>/entries/5?lang=es</c>).</summary>
    public const string VersionParameter = "lang";

    /// <summary>Whether the reader is one of the people who see the entry's working copy and history.</summary>
    public bool CanSeeWorkingCopy { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, [FromQuery(Name = VersionParameter)] string? lang, CancellationToken cancellationToken)
    {
        var entry = await db.PublishedEntries(Reader.From(User))
            .Where(e => e.Id == id)
            .SingleOrDefaultAsync(cancellationToken);
        if (entry is null)
        {
            // Unpublished, withdrawn, not visible to this reader, or no such entry: all look the same.
            return NotFound();
        }

        var text = await db.Revisions.AsNoTracking()
            .Where(r => r.Id == entry.RevisionId)
            .Select(r => new
            {
                r.Language,
                r.Title,
                r.Summary,
                r.Body,
                r.Translations,
                r.References,
                NormShortTitle = db.Norms.Where(n => n.Number == entry.NormNumber).Select(n => n.ShortTitle).First(),
                GroupSlug = db.Groups.Where(g => g.Id == entry.GroupId).Select(g => g.Slug).FirstOrDefault(),
            })
            .SingleAsync(cancellationToken);

        Entry = entry;
        NormShortTitle = text.NormShortTitle;
        GroupSlug = text.GroupSlug;
        References = text.References;
        var versions = EntryText.Versions(text.Language, text.Title, text.Summary, text.Body, text.Translations);
        Languages = [.. versions.Select(v => v.Language)];
        var asked = lang is not null && versions.Any(v => LanguageVersions.SameLanguage(v.Language, lang)) ? lang : null;
        Text = LanguageVersions.Pick(versions, v => v.Language, asked ?? PortalCultures.Current.Name);
        Body = markdown.Render(Text.Body);
        if (User.Identity?.IsAuthenticated == true)
        {
            var access = new EntryAccess(entry.Id, entry.StateIso3, EntryStatus.Published, entry.GroupId);
            CanSeeWorkingCopy = (await authorization.AuthorizeAsync(User, access, EntryOperations.ReadWorkingCopy)).Succeeded;
        }

        return Page();
    }
}
