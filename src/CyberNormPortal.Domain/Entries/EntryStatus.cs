namespace CyberNormPortal.Domain.Entries;

public enum EntryStatus
{
    Draft,
    Submitted,
    AwaitingModeration,
    Published,
    Withdrawn,
}
