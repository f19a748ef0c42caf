using CyberNormPortal.Domain.Capacity;
using CyberNormPortal.Domain.Cycles;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Data.Seeding;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.Identity;

/// <summary>
/// Development only: an open reporting cycle with the illustrative questionnaire, a capacity-building organisation,
/// and one account per role, so a newcomer can try every screen. The credentials are printed
/// at start-up. Never seeded outside Development.
/// </summary>
public sealed partial class DemoAccounts(UserManager<PortalUser> users, PortalDbContext db, TimeProvider clock, ILogger<DemoAccounts> logger)
{
    /// <summary>A partner State, so the demo shows moderation as well as national review.</summary>
    public const string DemoState = "KEN";

    public const string Password = "demo-portal-password";

    /// <summary>The demo organisation contact's organisation, registered in Development only.</summary>
    public const string DemoOrganisation = "Africa CERT network";

    public static readonly IReadOnlyList<(string Email, string Name, string Role)> Accounts =
    [
        ("analyst@demo.cybernormportal.invalid", "Demo Analyst", PortalRoles.Analyst),
        ("contributor@demo.cybernormportal.invalid", "Demo Contributor (Kenya)", PortalRoles.Contributor),
        ("approver@demo.cybernormportal.invalid", "Demo Approver (Kenya)", PortalRoles.Approver),
        ("coordinator@demo.cybernormportal.invalid", "Demo Group coordinator (G7)", PortalRoles.GroupCoordinator),
        ("organisation@demo.cybernormportal.invalid", "Demo Organisation contact (Africa CERT network)", PortalRoles.OrganisationContact),
        ("moderator@demo.cybernormportal.invalid", "Demo Moderator", PortalRoles.Moderator),
        ("admin@demo.cybernormportal.invalid", "Demo Administrator", PortalRoles.Administrator),
    ];

    public const string DemoCycleSlug = "demo-2026";

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        // Something to report into: an open cycle for all States.
        if (!await db.Cycles.AnyAsync(c => c.IsOpen, cancellationToken))
        {
            var year = clock.GetUtcNow().Year;
            db.Cycles.Add(new ReportingCycle(
                DemoCycleSlug, $"Annual reporting {year} (demo)", new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), scopeGroupId: null, isOpen: true));
            await db.SaveChangesAsync(cancellationToken);
        }

        await SeedQuestionnaireAsync(cancellationToken);

        var demoGroup = await db.Groups.Where(g => g.Slug == ReferenceDataSeeder.G7Slug).Select(g => (int?)g.Id).SingleOrDefaultAsync(cancellationToken);
        var demoOrganisation = await SeedOrganisationAsync(cancellationToken);
        foreach (var (email, name, role) in Accounts)
        {
            if (await db.Users.AnyAsync(u => u.NormalizedEmail == email.ToUpperInvariant(), cancellationToken))
            {
                continue;
            }

            var user = new PortalUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = name,
                StateIso3 = PortalRoles.NeedsState(role) ? DemoState : null,
                GroupId = PortalRoles.NeedsGroup(role) ? demoGroup : null,
                OrganisationId = PortalRoles.NeedsOrganisation(role) ? demoOrganisation : null,
                CreatedAt = clock.GetUtcNow(),
            };
            Check(await users.CreateAsync(user, Password));
            Check(await users.AddToRoleAsync(user, role));
        }

        foreach (var (email, _, role) in Accounts)
        {
            LogDemoAccount(logger, role, email, Password);
        }

        LogTwoFactor(logger);
    }

    /// <summary>
    /// The illustrative questionnaire (its actions' source says they are illustrative) for the demo's open cycle, when
    /// that cycle has none yet: restarting seeds nothing twice, and a questionnaire a moderator built is left alone.
    /// </summary>
    private async Task SeedQuestionnaireAsync(CancellationToken cancellationToken)
    {
        var cycleId = await db.Cycles.Where(c => c.IsOpen)
            .OrderBy(c => c.Slug == DemoCycleSlug ? 0 : 1).ThenBy(c => c.Id)
            .Select(c => (int?)c.Id).FirstOrDefaultAsync(cancellationToken);
        if (cycleId is null || await db.Questionnaires.AnyAsync(q => q.CycleId == cycleId, cancellationToken))
        {
            return;
        }

        db.Questionnaires.Add(IllustrativeQuestionnaire.Build(cycleId.Value, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The demo organisation, registered once (a restart, or a moderator's own, is left alone); its id.</summary>
    private async Task<int> SeedOrganisationAsync(CancellationToken cancellationToken)
    {
        if (await db.Organisations.Where(o => o.Name == DemoOrganisation).Select(o => (int?)o.Id).SingleOrDefaultAsync(cancellationToken) is { } id)
        {
            return id;
        }

        var organisation = new Organisation(DemoOrganisation, "https://example.org/africa-cert-network", clock.GetUtcNow());
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync(cancellationToken);
        return organisation.Id;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo account ({Role}): {Email} / {Password}")]
    private static partial void LogDemoAccount(ILogger logger, string role, string email, string password);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "The demo moderator and administrator are asked to set up two-factor sign-in (any authenticator app) on first sign-in")]
    private static partial void LogTwoFactor(ILogger logger);
}
