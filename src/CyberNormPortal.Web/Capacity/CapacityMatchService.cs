using System.Security.Claims;
using CyberNormPortal.Domain.Capacity;
using CyberNormPortal.Domain.Common;
using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Domain.States;
using CyberNormPortal.Web.Auditing;
using CyberNormPortal.Web.Authorization;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Data.Configurations;
using CyberNormPortal.Web.Data.Queries;
using CyberNormPortal.Web.Mail;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CyberNormPortal.Web.Capacity;

/// <summary>What pages show of a need or an offer next to another: who owns it, its label and status, its title.</summary>
public sealed record CapacityItemFacts(
    int Id,
    CapacitySide Side,
    string? StateIso3,
    int? OrganisationId,
    EntryStatus Status,
    TlpLabel Visibility,
    string Title,
    string OwnerName,
    DateTimeOffset? MatchedAt);

/// <summary>A counterpart suggested for an item, with the score and reasons of <see cref="CapacityMatching"/>, and the match already begun with it.</summary>
public sealed record CapacitySuggestion(CapacityItemFacts Counterpart, int Score, IReadOnlyList<MatchReason> Reasons, int? MatchId, MatchStatus? MatchStatus, bool SubjectSideConsented);

/// <summary>A match with its two items and whom the reader speaks for on it.</summary>
public sealed record MatchAccess(int Id, CapacityItemFacts Need, CapacityItemFacts Offer, MatchParty Parties);

public enum MatchOutcome
{
    Saved,

    /// <summary>Not there, or not for this reader to see: answered as 404, the same for both.</summary>
    NotFound,

    /// <summary>The rules refused it; the message key (a <see cref="DomainMessages"/> constant) says why.</summary>
    Refused,

    /// <summary>Someone changed the match since the reader loaded it.</summary>
    Conflict,
}

public sealed record MatchResult(MatchOutcome Outcome, int? MatchId = null, string? MessageKey = null);

/// <summary>
/// Suggestions, expressions of interest, the secretariat's introduction and the following of a match
/// (docs/decisions/0017-capacity-building.md): each write in one unit of work with its audit record and its mails.
/// Who sees what is <see cref="CapacityVisibility"/>'s; what may happen is <see cref="MatchWorkflow"/>'s.
/// </summary>
public sealed class CapacityMatchService(PortalDbContext db, AuditLog audit, CapacityNotifications notifications, TimeProvider clock)
{
    /// <summary>How many times a write is tried again when someone else wrote the same match at the same moment.</summary>
    private const int ConflictAttempts = 3;

    /// <summary>The first key of the advisory lock that makes <see cref="AnnounceSuggestionsAsync"/> run once per item.</summary>
    private const int AnnounceLock = 14_0001;

    /// <summary>Facts of one item, or null.</summary>
    public Task<CapacityItemFacts?> FactsAsync(int itemId, CancellationToken cancellationToken) =>
        Facts(db.CapacityItems.AsNoTracking().Where(i => i.Id == itemId)).SingleOrDefaultAsync(cancellationToken);

    /// <summary>
    /// The published counterparts (offers for a need, needs for an offer) that <paramref name="reader"/> may see, best
    /// first, at most <see cref="CapacityMatching.SuggestionsShown"/>. Only those sharing a norm can score, so the
    /// database hands over only those (the array overlap, served by the GIN index) and the ranking runs on their profiles.
    /// </summary>
    public async Task<IReadOnlyList<CapacitySuggestion>> SuggestionsAsync(int itemId, Reader reader, CancellationToken cancellationToken)
    {
        var subject = await Profiles(db.CapacityItems.AsNoTracking().Where(i => i.Id == itemId)).SingleOrDefaultAsync(cancellationToken);
        if (subject is null)
        {
            return [];
        }

        var ranked = CapacityMatching.Suggest(subject, await CandidatesAsync(subject, db.CapacityItems.AsNoTracking().PublishedVisibleTo(reader), cancellationToken));
        var ids = ranked.Select(s => s.CounterpartId).ToList();
        var facts = await Facts(db.CapacityItems.AsNoTracking().Where(i => ids.Contains(i.Id))).ToDictionaryAsync(f => f.Id, cancellationToken);
        var isNeed = subject.Side == CapacitySide.Need;
        var matches = await db.CapacityMatches.AsNoTracking()
            .Where(m => isNeed ? m.NeedId == itemId && ids.Contains(m.OfferId) : m.OfferId == itemId && ids.Contains(m.NeedId))
            .Select(m => new
            {
                m.Id,
                Counterpart = isNeed ? m.OfferId : m.NeedId,
                m.Status,
                Consented = isNeed ? m.NeedSideConsentedAt != null : m.OfferSideConsentedAt != null,
            })
            .ToDictionaryAsync(m => m.Counterpart, cancellationToken);
        return [.. ranked.Select(s =>
        {
            var match = matches.GetValueOrDefault(s.CounterpartId);
            return new CapacitySuggestion(facts[s.CounterpartId], s.Score, s.Reasons, match?.Id, match?.Status, match?.Consented == true);
        })];
    }

    /// <summary>
    /// <paramref name="user"/>'s side of <paramref name="itemId"/> consents to be introduced to
    /// <paramref name="counterpartId"/>'s: the match begins, or takes this side's consent. Both items must be published
    /// and seen by the user, who must speak for the item's side. Two people acting at once neither make two matches
    /// nor lose a consent: the unique (need, offer) pair and the row version make the later one try again on what is there.
    /// </summary>
    public async Task<MatchResult> ExpressInterestAsync(int itemId, int counterpartId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var reader = Reader.From(user);
        if (PortalActor.From(user) is not { } actor)
        {
            return new(MatchOutcome.NotFound);
        }

        var item = await FactsAsync(itemId, cancellationToken);
        if (item is null || !reader.MaySee(item.Status, item.Visibility, item.StateIso3, item.OrganisationId))
        {
            return new(MatchOutcome.NotFound);
        }

        var counterpart = await Facts(db.CapacityItems.AsNoTracking().PublishedVisibleTo(reader).Where(i => i.Id == counterpartId))
            .SingleOrDefaultAsync(cancellationToken);
        if (counterpart is null || counterpart.Side == item.Side)
        {
            return new(MatchOutcome.NotFound);
        }

        if (item.Status != EntryStatus.Published)
        {
            return new(MatchOutcome.Refused, null, DomainMessages.MatchStepNotPossibleNow);
        }

        var (need, offer) = item.Side == CapacitySide.Need ? (item, counterpart) : (counterpart, item);
        var side = item.Side == CapacitySide.Need ? MatchParty.NeedSide : MatchParty.OfferSide;
        if ((reader.PartiesOf(need.StateIso3, offer.StateIso3, offer.OrganisationId) & side) == MatchParty.None)
        {
            return new(MatchOutcome.Refused, null, DomainMessages.MatchNotASide);
        }

        // The consent is the side of the page the user acts from, even where they also speak for the other.
        var matchActor = new MatchActor(actor.UserId, actor.DisplayName, side);
        var now = clock.GetUtcNow();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await db.InRetriedTransactionAsync(
                    async token =>
                    {
                        var match = await db.CapacityMatches.Include(m => m.Events)
                            .SingleOrDefaultAsync(m => m.NeedId == need.Id && m.OfferId == offer.Id, token);
                        MatchEvent step;
                        if (match is null)
                        {
                            match = CapacityMatch.Begin(need.Id, offer.Id, matchActor, now);
                            db.CapacityMatches.Add(match);
                            step = match.Events[^1];
                        }
                        else
                        {
                            var decision = MatchWorkflow.Decide(match, MatchAction.ExpressInterest, matchActor);
                            if (!decision.IsAllowed)
                            {
                                return new MatchResult(MatchOutcome.Refused, match.Id, decision.Why);
                            }

                            step = match.Apply(MatchAction.ExpressInterest, matchActor, now);
                        }

                        await db.SaveChangesAsync(token);
                        audit.Add(AuditActions.MatchWorkflow(MatchAction.ExpressInterest), AuditSubjects.Match(match.Id),
                            $"{(side == MatchParty.NeedSide ? "Need" : "Offer")} side, need {need.Id}, offer {offer.Id}" + (match.BothConsented ? ", both consented" : ""));
                        await notifications.InterestAsync(match, need, offer, side, step, token);
                        await db.SaveChangesAsync(token);
                        return new MatchResult(MatchOutcome.Saved, match.Id);
                    },
                    token => db.MatchEvents.AsNoTracking().AnyAsync(e => e.ActorUserId == actor.UserId && e.At == now && e.Action == MatchAction.ExpressInterest, token),
                    cancellationToken);
            }
            catch (DbUpdateException exception) when (attempt < ConflictAttempts && IsConcurrentWrite(exception))
            {
                // The other person's write went in first: read the match as it is now and apply this consent to it.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>The match and whom the reader speaks for on it; null when it is not there or not theirs to see.</summary>
    public async Task<MatchAccess?> AccessAsync(int matchId, Reader reader, CancellationToken cancellationToken)
    {
        var pair = await db.CapacityMatches.AsNoTracking().Where(m => m.Id == matchId).Select(m => new { m.NeedId, m.OfferId }).SingleOrDefaultAsync(cancellationToken);
        if (pair is null)
        {
            return null;
        }

        var items = await Facts(db.CapacityItems.AsNoTracking().Where(i => i.Id == pair.NeedId || i.Id == pair.OfferId)).ToDictionaryAsync(i => i.Id, cancellationToken);
        var (need, offer) = (items[pair.NeedId], items[pair.OfferId]);
        var parties = reader.PartiesOf(need.StateIso3, offer.StateIso3, offer.OrganisationId);
        return parties == MatchParty.None ? null : new MatchAccess(matchId, need, offer, parties);
    }

    /// <summary>The match with its events, read-only, and its row version (the page sends it back with a step).</summary>
    public async Task<(CapacityMatch Match, uint Version)> LoadAsync(int matchId, CancellationToken cancellationToken)
    {
        var match = await db.CapacityMatches.Include(m => m.Events).SingleAsync(m => m.Id == matchId, cancellationToken);
        var version = db.Entry(match).Property<uint>(EntryConfiguration.VersionProperty).CurrentValue;
        db.Entry(match).State = EntityState.Detached;
        return (match, version);
    }

    /// <summary>The actor of a match step: the user, speaking for the sides <see cref="MatchAccess.Parties"/> names.</summary>
    public static MatchActor? ActorOf(ClaimsPrincipal user, MatchAccess access) =>
        PortalActor.From(user) is { } actor ? new MatchActor(actor.UserId, actor.DisplayName, access.Parties) : null;

    /// <summary>
    /// Takes a step on a match, provided it is still at <paramref name="expectedVersion"/>. Introducing both sides
    /// marks both items matched and sends the one introduction mail; every other step tells both sides.
    /// </summary>
    public async Task<MatchResult> ApplyAsync(
        int matchId, uint expectedVersion, MatchAction action, string? note, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (await AccessAsync(matchId, Reader.From(user), cancellationToken) is not { } access || ActorOf(user, access) is not { } actor)
        {
            return new(MatchOutcome.NotFound);
        }

        var match = await db.CapacityMatches.Include(m => m.Events).SingleAsync(m => m.Id == matchId, cancellationToken);
        var version = db.Entry(match).Property<uint>(EntryConfiguration.VersionProperty);
        if (version.CurrentValue != expectedVersion)
        {
            db.ChangeTracker.Clear();
            return new(MatchOutcome.Conflict, matchId);
        }

        var now = clock.GetUtcNow();
        MatchEvent step;
        try
        {
            step = match.Apply(action, actor, now, note);
        }
        catch (DomainException exception)
        {
            db.ChangeTracker.Clear();
            return new(MatchOutcome.Refused, matchId, exception.Message);
        }

        if (action == MatchAction.Introduce)
        {
            foreach (var item in await db.CapacityItems.Where(i => i.Id == match.NeedId || i.Id == match.OfferId).ToListAsync(cancellationToken))
            {
                item.MarkMatched(now);
            }
        }

        audit.Add(AuditActions.MatchWorkflow(action), AuditSubjects.Match(matchId),
            $"{step.FromStatus} → {step.ToStatus}" + (step.Note is null ? "" : $": {step.Note}"));
        await notifications.StepAsync(match, access.Need, access.Offer, step, cancellationToken);
        try
        {
            await db.Database.CreateExecutionStrategy().ExecuteInTransactionAsync(
                async token => await db.SaveChangesAsync(acceptAllChangesOnSuccess: false, token),
                token => db.MatchEvents.AsNoTracking().AnyAsync(e => e.MatchId == matchId && e.At == now && e.Action == action, token),
                cancellationToken);
            db.ChangeTracker.AcceptAllChanges();
            return new(MatchOutcome.Saved, matchId);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new(MatchOutcome.Conflict, matchId);
        }
    }

    /// <summary>
    /// Right after <paramref name="itemId"/> is published: mails the points of contact of its best counterparts
    /// (<see cref="CapacityMatching.SuggestionsShown"/> at most) that may see it — "a new offer may match your need" —
    /// at most one mail per person, naming their best-matching item. Runs once per item, however often it is called
    /// (an advisory lock and the audit record it leaves); returns how many mails it queued.
    /// </summary>
    public async Task<int> AnnounceSuggestionsAsync(int itemId, CancellationToken cancellationToken)
    {
        var item = await FactsAsync(itemId, cancellationToken);
        if (item is null || item.Status != EntryStatus.Published)
        {
            return 0;
        }

        var subject = AuditSubjects.Capacity(itemId);
        return await db.InRetriedTransactionAsync(
            async token =>
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AnnounceLock}, {itemId})", token);
                if (await db.AuditRecords.AnyAsync(a => a.Action == AuditActions.CapacityAnnounced && a.Subject == subject, token))
                {
                    return 0;
                }

                var profile = await Profiles(db.CapacityItems.AsNoTracking().Where(i => i.Id == itemId)).SingleAsync(token);
                var published = db.CapacityItems.AsNoTracking().Where(i => i.Status == EntryStatus.Published);
                var ranked = CapacityMatching.Suggest(profile, await CandidatesAsync(profile, published, token));
                var ids = ranked.Select(s => s.CounterpartId).ToList();
                var facts = await Facts(db.CapacityItems.AsNoTracking().Where(i => ids.Contains(i.Id))).ToDictionaryAsync(f => f.Id, token);
                // Each counterpart's owner must be allowed to see the new item (a secretariat-only one is announced to nobody).
                var counterparts = ranked.Select(s => facts[s.CounterpartId])
                    .Where(c => new Reader(true, c.StateIso3, false, c.OrganisationId).MaySee(item.Status, item.Visibility, item.StateIso3, item.OrganisationId))
                    .ToList();
                var sent = await notifications.SuggestedAsync(item, counterparts, token);
                audit.Add(AuditActions.CapacityAnnounced, subject, $"{sent} recipient(s), {counterparts.Count} counterpart(s)");
                await db.SaveChangesAsync(token);
                return sent;
            },
            token => db.AuditRecords.AsNoTracking().AnyAsync(a => a.Action == AuditActions.CapacityAnnounced && a.Subject == subject, token),
            cancellationToken);
    }

    /// <summary>The published items a match page, item page or queue shows next to each other, with their owner's name.</summary>
    public IQueryable<CapacityItemFacts> Facts(IQueryable<CapacityItem> items) =>
        items.Select(i => new CapacityItemFacts(
            i.Id,
            i.Side,
            i.StateIso3,
            i.OrganisationId,
            i.Status,
            i.Visibility,
            i.Title,
            i.StateIso3 != null
                ? db.States.Where(s => s.Iso3 == i.StateIso3).Select(s => s.Name).First()
                : db.Organisations.Where(o => o.Id == i.OrganisationId).Select(o => o.Name).First(),
            i.MatchedAt));

    private static bool IsConcurrentWrite(DbUpdateException exception) =>
        exception is DbUpdateConcurrencyException || exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    /// <summary>The other side's items of <paramref name="pool"/> that share a norm with <paramref name="subject"/> (the only ones that can score).</summary>
    private async Task<List<CapacityProfile>> CandidatesAsync(CapacityProfile subject, IQueryable<CapacityItem> pool, CancellationToken cancellationToken)
    {
        var other = subject.Side == CapacitySide.Need ? CapacitySide.Offer : CapacitySide.Need;
        var norms = subject.Norms.ToList();
        var id = subject.Id;
        return await Profiles(pool.Where(i => i.Side == other && i.Id != id && i.Norms.Any(n => norms.Contains(n)))).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The matching's profiles, projected in one query: what <see cref="CapacityItem.Profile"/> gives, a need's region
    /// being its State's regional group (joined, not looked up per row).
    /// </summary>
    private IQueryable<CapacityProfile> Profiles(IQueryable<CapacityItem> items) =>
        from i in items
        join s in db.States on i.StateIso3 equals s.Iso3 into states
        from s in states.DefaultIfEmpty()
        select new CapacityProfile(
            i.Id,
            i.Side,
            i.Norms,
            i.ActionKeys,
            i.Categories,
            i.Kinds,
            i.Languages,
            i.Side == CapacitySide.Need
                ? (s == null ? new List<RegionalGroup>() : new List<RegionalGroup> { s.RegionalGroup })
                : i.Regions);
}
