using CyberNormPortal.Domain.Common;

namespace CyberNormPortal.Domain.Cycles;

/// <summary>One reporting exercise: which States it asks (a group, or all), and when it is open.</summary>
public sealed class ReportingCycle
{
    private ReportingCycle()
    {
    }

    public ReportingCycle(string slug, string name, DateOnly opensOn, DateOnly closesOn, int? scopeGroupId, bool isOpen)
    {
        if (closesOn < opensOn)
        {
            throw new DomainException(DomainMessages.CycleClosesBeforeItOpens);
        }

        Slug = slug;
        Name = name;
        OpensOn = opensOn;
        ClosesOn = closesOn;
        ScopeGroupId = scopeGroupId;
        IsOpen = isOpen;
    }

    public int Id { get; private set; }

    /// <summary>Changes what an administrator or moderator edits; the dates stay in order. Returns whether anything changed.</summary>
    public bool Update(string slug, string name, DateOnly opensOn, DateOnly closesOn, int? scopeGroupId, bool isOpen)
    {
        if (closesOn < opensOn)
        {
            throw new DomainException(DomainMessages.CycleClosesBeforeItOpens);
        }

        if (Slug == slug && Name == name && OpensOn == opensOn && ClosesOn == closesOn && ScopeGroupId == scopeGroupId && IsOpen == isOpen)
        {
            return false;
        }

        Slug = slug;
        Name = name;
        OpensOn = opensOn;
        ClosesOn = closesOn;
        ScopeGroupId = scopeGroupId;
        IsOpen = isOpen;
        return true;
    }

    public string Slug { get; private set; } = "";

    public string Name { get; private set; } = "";

    public DateOnly OpensOn { get; private set; }

    public DateOnly ClosesOn { get; private set; }

    /// <summary>The group whose States the cycle asks; null when it asks every State.</summary>
    public int? ScopeGroupId { get; private set; }

    /// <summary>Whether the cycle takes new entries.</summary>
    public bool IsOpen { get; private set; }
}
