namespace CyberNormPortal.Domain.Groups;

/// <summary>
/// A named set of States (G7, EU, ASEAN …). A group can also report jointly, as the G7 did in its
/// 2019 synthesis.
/// </summary>
public sealed class Group
{
    private readonly List<GroupMembership> _memberships = [];

    private Group()
    {
    }

    public Group(string slug, string name, string abbreviation)
    {
        Slug = slug;
        Name = name;
        Abbreviation = abbreviation;
    }

    public int Id { get; private set; }

    /// <summary>Lower-case URL key, e.g. "g7".</summary>
    public string Slug { get; private set; } = "";

    public string Name { get; private set; } = "";

    public string Abbreviation { get; private set; } = "";

    public IReadOnlyCollection<GroupMembership> Memberships => _memberships;

    public bool Update(string name, string abbreviation)
    {
        if (Name == name && Abbreviation == abbreviation)
        {
            return false;
        }

        Name = name;
        Abbreviation = abbreviation;
        return true;
    }

    /// <summary>Adds the State unless it is already a member; returns whether it was added.</summary>
    public bool AddMember(string stateIso3)
    {
        if (_memberships.Any(m => m.StateIso3 == stateIso3))
        {
            return false;
        }

        _memberships.Add(new GroupMembership(Id, stateIso3));
        return true;
    }

    /// <summary>Removes the State if it is a member; returns whether it was removed.</summary>
    public bool RemoveMember(string stateIso3) => _memberships.RemoveAll(m => m.StateIso3 == stateIso3) > 0;
}
