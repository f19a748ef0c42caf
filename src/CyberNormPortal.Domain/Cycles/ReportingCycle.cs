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

    /// <summary>The default days before closing on which States without a signed-off report are reminded.</summary>
    public static readonly IReadOnlyList<int> DefaultReminderDays = [30, 7, 1];

    /// <summary>Days before <see cref="ClosesOn"/> on which a reminder goes out, largest first.</summary>
    public List<int> ReminderDays { get; private set; } = [.. DefaultReminderDays];

    /// <summary>Sets the reminder days; each must be between 1 and 365 days before closing.</summary>
    public void SetReminderDays(IEnumerable<int> days)
    {
        var cleaned = days.Distinct().OrderDescending().ToList();
        if (cleaned.Any(d => d is < 1 or > 365))
        {
            throw new DomainException(DomainMessages.ReminderDaysOutOfRange);
        }

        ReminderDays = cleaned;
    }
}
