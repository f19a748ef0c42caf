using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Identity;
using CyberNormPortal.Web.Localization;
using CyberNormPortal.Web.Validation;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CyberNormPortal.Web.Pages.Admin;

/// <summary>A State as the administration forms offer it.</summary>
public sealed record StateOption(string Iso3, string Name);

/// <summary>A group as the administration forms offer it.</summary>
public sealed record GroupOption(int Id, string Name);

/// <summary>A capacity-building organisation as the administration forms offer it.</summary>
public sealed record OrganisationOption(int Id, string Name);

public static class AdminLists
{
    /// <summary>The 193 States by name in the reader's language and its collation, for selects and checkbox lists.</summary>
    public static async Task<List<StateOption>> StateOptionsAsync(
        this PortalDbContext db, StateNames names, CancellationToken cancellationToken = default) =>
        StateNames.Sort(
            (await db.States.AsNoTracking().Select(s => new { s.Iso3, s.Name }).ToListAsync(cancellationToken))
                .Select(s => new StateOption(s.Iso3, names.Of(s.Iso3, s.Name))),
            s => s.Name);

    /// <summary>The groups by name, for the group a group coordinator speaks for.</summary>
    public static Task<List<GroupOption>> GroupOptionsAsync(this PortalDbContext db, CancellationToken cancellationToken = default) =>
        db.Groups.AsNoTracking().OrderBy(g => g.Name).Select(g => new GroupOption(g.Id, g.Name)).ToListAsync(cancellationToken);

    /// <summary>The organisations by name, for the organisation an organisation contact speaks for.</summary>
    public static Task<List<OrganisationOption>> OrganisationOptionsAsync(this PortalDbContext db, CancellationToken cancellationToken = default) =>
        db.Organisations.AsNoTracking().OrderBy(o => o.Name).Select(o => new OrganisationOption(o.Id, o.Name)).ToListAsync(cancellationToken);

    /// <summary>
    /// The group of a group coordinator: one of the portal's groups. Other roles take none (the invitation form refuses
    /// one, the user form clears it).
    /// </summary>
    public static IRuleBuilderOptions<T, int?> MustBeAGroup<T>(this IRuleBuilderInitial<T, int?> rule, PortalDbContext db, IStringLocalizer localizer) =>
        rule.Cascade(CascadeMode.Stop)
            .NotNull().WithMessage(localizer, ValidationMessages.GroupRequired)
            .MustAsync((id, cancellationToken) => db.Groups.AnyAsync(g => g.Id == id, cancellationToken))
            .WithMessage(localizer, ValidationMessages.GroupUnknown);

    /// <summary>A filter as typed, without control characters (<see cref="TypedText"/>).</summary>
    public static string? Typed(string? text) => text is null ? null : TypedText.WithoutControlCharacters(text);

    /// <summary>Escapes a user's text for a LIKE pattern ("contains").</summary>
    public static string ContainsPattern(string text) =>
        "%" + text.Trim().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";

    /// <summary>A role's name in the user's language.</summary>
    public static string RoleLabel(IStringLocalizer localizer, string role) => role switch
    {
        PortalRoles.Analyst => localizer["Analyst"],
        PortalRoles.Contributor => localizer["Contributor"],
        PortalRoles.Approver => localizer["Approver"],
        PortalRoles.GroupCoordinator => localizer["Group coordinator"],
        PortalRoles.OrganisationContact => localizer["Organisation contact"],
        PortalRoles.Moderator => localizer["Moderator"],
        PortalRoles.Administrator => localizer["Administrator"],
        _ => role,
    };
}
