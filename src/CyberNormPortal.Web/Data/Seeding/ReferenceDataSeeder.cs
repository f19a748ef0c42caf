using System.Text.Json;
using System.Text.Json.Serialization;
using CyberNormPortal.Domain.Cycles;
using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Domain.Groups;
using CyberNormPortal.Domain.Norms;
using CyberNormPortal.Domain.States;
using CyberNormPortal.Domain.Synthesis;
using CyberNormPortal.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.Data.Seeding;

/// <summary>
/// Reference data every environment needs: the eleven norms, the 193 UN member States, the G7, and the
/// 2019 G7 synthesis as a cycle of joint entries with its lead statements. Idempotent: a second run
/// finds everything in place and changes nothing.
/// </summary>
public sealed class ReferenceDataSeeder(PortalDbContext db, TimeProvider clock)
{
    public const string G7Slug = "g7";
    public const string G7CycleSlug = "g7-cni-2019";
    public static readonly IReadOnlyList<string> G7Members = ["CAN", "FRA", "DEU", "ITA", "JPN", "GBR", "USA"];

    private const string EnglishText = "en";

    private static readonly DateTimeOffset SynthesisPublishedAt = new(2019, 8, 26, 0, 0, 0, TimeSpan.Zero);

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Seeds what is missing or out of date; returns the number of rows added or changed.</summary>
    public async Task<int> SeedAsync(CancellationToken cancellationToken = default)
    {
        var changes = 0;
        changes += await SeedNormsAsync(cancellationToken);
        changes += await SeedStatesAsync(cancellationToken);
        var g7 = await SeedG7Async(cancellationToken);
        changes += g7.Changes;
        var cycle = await SeedG7CycleAsync(g7.Group.Id, cancellationToken);
        changes += cycle.Changes;
        changes += await SeedSynthesisAsync(g7.Group.Id, cycle.Cycle.Id, cancellationToken);
        changes += await SeedRolesAsync(cancellationToken);
        return changes;
    }

    internal static T ReadSeedFile<T>(string fileName)
    {
        using var stream = typeof(ReferenceDataSeeder).Assembly.GetManifestResourceStream($"Seed.{fileName}")
            ?? throw new InvalidOperationException($"Seed file {fileName} is not embedded in the assembly.");
        return JsonSerializer.Deserialize<T>(stream, JsonOptions)
            ?? throw new InvalidOperationException($"Seed file {fileName} is empty.");
    }

    private async Task<int> SaveAsync(CancellationToken cancellationToken)
    {
        var changed = db.ChangeTracker.Entries().Count(e => e.State is EntityState.Added or EntityState.Modified);
        await db.SaveChangesAsync(cancellationToken);
        return changed;
    }

    private async Task<int> SeedRolesAsync(CancellationToken cancellationToken)
    {
        var existing = await db.Roles.Select(r => r.Name ?? "").ToListAsync(cancellationToken);
        foreach (var role in PortalRoles.All.Except(existing))
        {
            db.Roles.Add(new IdentityRole(role) { NormalizedName = role.ToUpperInvariant(), ConcurrencyStamp = role });
        }

        return await SaveAsync(cancellationToken);
    }

    private async Task<int> SeedNormsAsync(CancellationToken cancellationToken)
    {
        var file = ReadSeedFile<NormsFile>("norms.json");
        var existing = await db.Norms.ToDictionaryAsync(n => n.Number, cancellationToken);
        foreach (var norm in file.Norms)
        {
            if (existing.TryGetValue(norm.Number, out var current))
            {
                current.UpdateText(norm.ShortTitle, norm.FullText, norm.SourceDocument);
            }
            else
            {
                db.Norms.Add(new Norm(norm.Number, norm.ShortTitle, norm.FullText, norm.SourceDocument));
            }
        }

        var changes = await SaveAsync(cancellationToken);
        return changes + await SeedEnglishNormTextsAsync(file, cancellationToken);
    }

    /// <summary>
    /// The English official text of each norm, from norms.json with its source. The other five languages are entered by
    /// moderators (/moderation/norm-texts) from the official versions of A/70/174; the seed never writes them.
    /// </summary>
    private async Task<int> SeedEnglishNormTextsAsync(NormsFile file, CancellationToken cancellationToken)
    {
        var existing = await db.NormTexts.Where(t => t.Language == EnglishText).ToDictionaryAsync(t => t.NormNumber, cancellationToken);
        foreach (var norm in file.Norms)
        {
            if (!existing.TryGetValue(norm.Number, out var text))
            {
                db.NormTexts.Add(new NormText(norm.Number, EnglishText, norm.FullText, norm.SourceDocument, enteredBy: null, clock.GetUtcNow()));
            }
            else if (text.EnteredBy is null)
            {
                // Still the seeded text: follows the seed file. One a moderator replaced stays theirs.
                text.Replace(norm.FullText, norm.SourceDocument, enteredBy: null, clock.GetUtcNow());
            }
        }

        return await SaveAsync(cancellationToken);
    }

    private async Task<int> SeedStatesAsync(CancellationToken cancellationToken)
    {
        var states = ReadSeedFile<List<StateRecord>>("states.json");
        var existing = await db.States.ToDictionaryAsync(s => s.Iso3, cancellationToken);
        foreach (var state in states)
        {
            if (existing.TryGetValue(state.Iso3, out var current))
            {
                current.Update(state.Name, state.RegionalGroup);
            }
            else
            {
                db.States.Add(new State(state.Iso3, state.Name, state.RegionalGroup));
            }
        }

        return await SaveAsync(cancellationToken);
    }

    private async Task<(Group Group, int Changes)> SeedG7Async(CancellationToken cancellationToken)
    {
        var g7 = await db.Groups.Include(g => g.Memberships).SingleOrDefaultAsync(g => g.Slug == G7Slug, cancellationToken);
        if (g7 is null)
        {
            g7 = new Group(G7Slug, "Group of Seven", "G7");
            db.Groups.Add(g7);
        }

        g7.Update("Group of Seven", "G7");
        foreach (var iso3 in G7Members)
        {
            g7.AddMember(iso3);
        }

        // G7 States founded the initiative: their approved entries publish without moderation.
        var members = await db.States.Where(s => G7Members.Contains(s.Iso3)).ToListAsync(cancellationToken);
        foreach (var state in members)
        {
            state.SetParticipation(InitiativeParticipation.Member);
        }

        var changes = await SaveAsync(cancellationToken);
        return (g7, changes);
    }

    private async Task<(ReportingCycle Cycle, int Changes)> SeedG7CycleAsync(int g7Id, CancellationToken cancellationToken)
    {
        var cycle = await db.Cycles.SingleOrDefaultAsync(c => c.Slug == G7CycleSlug, cancellationToken);
        if (cycle is not null)
        {
            return (cycle, 0);
        }

        // Launched at Dinard on 6 April 2019; the synthesis is dated 26 August 2019.
        cycle = new ReportingCycle(
            G7CycleSlug,
            "G7 Cyber Norm Initiative 2019",
            new DateOnly(2019, 4, 6),
            new DateOnly(2019, 8, 26),
            g7Id,
            isOpen: false);
        db.Cycles.Add(cycle);
        var changes = await SaveAsync(cancellationToken);
        return (cycle, changes);
    }

    private async Task<int> SeedSynthesisAsync(int g7Id, int cycleId, CancellationToken cancellationToken)
    {
        var file = ReadSeedFile<SynthesisFile>("g7-cni-synthesis-2019.json");
        var statements = await db.SynthesisStatements
            .Where(s => s.GroupId == g7Id && s.CycleId == cycleId)
            .ToDictionaryAsync(s => s.NormNumber, cancellationToken);
        var keys = file.Norms.SelectMany(n => n.Entries).Select(e => e.Key).ToList();
        var existingKeys = (await db.Entries
                .Where(e => e.ExternalKey != null && keys.Contains(e.ExternalKey))
                .Select(e => e.ExternalKey!)
                .ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);

        foreach (var norm in file.Norms)
        {
            if (statements.TryGetValue(norm.Number, out var statement))
            {
                statement.UpdateText(norm.LeadStatement, clock.GetUtcNow());
            }
            else
            {
                db.SynthesisStatements.Add(new SynthesisStatement(norm.Number, g7Id, cycleId, norm.LeadStatement, SynthesisPublishedAt));
            }

            foreach (var item in norm.Entries.Where(e => !existingKeys.Contains(e.Key)))
            {
                var content = new EntryContent(
                    item.Kind,
                    item.Title,
                    item.Summary,
                    $"{item.Summary}\n\n*Reported jointly by the G7 in {file.Source}, under norm {norm.Number}.*",
                    Language: "en",
                    TlpLabel.Clear,
                    item.Categories,
                    References: []);
                db.Entries.Add(Entry.ImportPublished(
                    norm.Number, cycleId, EntryAuthor.JointGroup(g7Id), content, SynthesisPublishedAt, item.Key, file.Source));
            }
        }

        return await SaveAsync(cancellationToken);
    }

    private sealed record NormsFile(List<NormRecord> Norms);

    private sealed record NormRecord(int Number, string ShortTitle, string FullText, string SourceDocument);

    private sealed record StateRecord(string Iso3, string Name, RegionalGroup RegionalGroup);

    private sealed record SynthesisFile(string Source, List<SynthesisNorm> Norms);

    private sealed record SynthesisNorm(int Number, string LeadStatement, List<SynthesisEntry> Entries);

    private sealed record SynthesisEntry(string Key, EntryKind Kind, string Title, string Summary, List<PracticeCategory> Categories);
}
