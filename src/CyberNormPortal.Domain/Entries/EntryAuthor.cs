namespace CyberNormPortal.Domain.Entries;

/// <summary>Who reports an entry: one State, or a group speaking jointly. Exactly one is set.</summary>
public sealed record EntryAuthor
{
    private EntryAuthor(string? stateIso3, int? groupId)
    {
        StateIso3 = stateIso3;
        GroupId = groupId;
    }

    public string? StateIso3 { get; }

    public int? GroupId { get; }

    public static EntryAuthor State(string iso3) => new(iso3, null);

    public static EntryAuthor JointGroup(int groupId) => new(null, groupId);
}
