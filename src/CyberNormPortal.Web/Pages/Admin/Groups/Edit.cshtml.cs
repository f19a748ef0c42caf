using System.Text.RegularExpressions;
using CyberNormPortal.Web.Auditing;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Localization;
using CyberNormPortal.Web.Pages.Shared;
using CyberNormPortal.Web.Validation;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Group = CyberNormPortal.Domain.Groups.Group;

namespace CyberNormPortal.Web.Pages.Admin.Groups;

public sealed partial class EditModel(PortalDbContext db, AuditLog audit, StateNames names, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public int? Id { get; private set; }

    public IReadOnlyList<StateOption> States { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        Id = id;
        if (id is not null)
        {
            var group = await db.Groups.AsNoTracking()
                .Where(g => g.Id == id)
                .Select(g => new InputModel
                {
                    Slug = g.Slug,
                    Name = g.Name,
                    Abbreviation = g.Abbreviation,
                    Members = g.Memberships.Select(m => m.StateIso3).ToList(),
                })
                .SingleOrDefaultAsync(cancellationToken);
            if (group is null)
            {
                return NotFound();
            }

            Input = group;
        }

        States = await db.StateOptionsAsync(names, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken cancellationToken)
    {
        Id = id;
        Group? group = null;
        if (id is not null)
        {
            group = await db.Groups.Include(g => g.Memberships).SingleOrDefaultAsync(g => g.Id == id, cancellationToken);
            if (group is null)
            {
                return NotFound();
            }

            // The slug is the group's key in bookmarked addresses: it is fixed once the group exists.
            Input.Slug = group.Slug;
        }

        Input.Slug = Input.Slug.Trim();
        Input.Name = Input.Name.Trim();
        Input.Abbreviation = Input.Abbreviation.Trim();
        if (!await new InputValidator(db, id, localizer).ValidateIntoAsync(Input, ModelState, cancellationToken: cancellationToken))
        {
            States = await db.StateOptionsAsync(names, cancellationToken);
            return Page();
        }

        if (group is null)
        {
            group = new Group(Input.Slug, Input.Name, Input.Abbreviation);
            db.Groups.Add(group);
        }
        else
        {
            group.Update(Input.Name, Input.Abbreviation);
        }

        var wanted = Input.Members.ToHashSet();
        var removed = group.Memberships.Select(m => m.StateIso3).Where(s => !wanted.Contains(s)).ToList();
        removed.ForEach(s => group.RemoveMember(s));
        var added = wanted.Order().Where(group.AddMember).ToList();

        audit.Add(
            AuditActions.GroupSaved,
            AuditSubjects.Group(group.Slug),
            $"{(id is null ? "Created" : "Edited")}: {group.Name} ({group.Abbreviation}); added {Describe(added)}; removed {Describe(removed)}");
        await db.SaveChangesAsync(cancellationToken);
        TempData.SetNotice(localizer["Group “{0}” saved.", group.Name]);
        return RedirectToPage("/Admin/Groups/Index");
    }

    private static string Describe(IReadOnlyCollection<string> states) => states.Count == 0 ? "none" : string.Join(", ", states);

    public sealed class InputModel
    {
        public string Slug { get; set; } = "";

        public string Name { get; set; } = "";

        public string Abbreviation { get; set; } = "";

        public List<string> Members { get; set; } = [];
    }

    public sealed partial class InputValidator : AbstractValidator<InputModel>
    {
        public InputValidator(PortalDbContext db, int? id, IStringLocalizer localizer)
        {
            RuleFor(i => i.Slug).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage(localizer, ValidationMessages.GroupSlugRequired)
                .MaximumLength(FieldLengths.GroupSlug).WithMessage(localizer, ValidationMessages.SlugTooLong, FieldLengths.GroupSlug)
                .Matches(SlugPattern()).WithMessage(localizer, ValidationMessages.GroupSlugPattern)
                .MustAsync(async (slug, cancellationToken) => !await db.Groups.AnyAsync(g => g.Slug == slug && g.Id != id, cancellationToken))
                .WithMessage(localizer, ValidationMessages.GroupSlugTaken);
            RuleFor(i => i.Name).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage(localizer, ValidationMessages.GroupNameRequired)
                .MaximumLength(FieldLengths.GroupName).WithMessage(localizer, ValidationMessages.NameTooLong, FieldLengths.GroupName);
            RuleFor(i => i.Abbreviation).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage(localizer, ValidationMessages.GroupAbbreviationRequired)
                .MaximumLength(FieldLengths.GroupAbbreviation).WithMessage(localizer, ValidationMessages.AbbreviationTooLong, FieldLengths.GroupAbbreviation);
            RuleFor(i => i.Members)
                .MustAsync(async (members, cancellationToken) =>
                {
                    var distinct = members.Distinct().ToList();
                    return await db.States.CountAsync(s => distinct.Contains(s.Iso3), cancellationToken) == distinct.Count;
                })
                .WithMessage(localizer, ValidationMessages.GroupMembersUnknown);
        }

        [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
        private static partial Regex SlugPattern();
    }
}
