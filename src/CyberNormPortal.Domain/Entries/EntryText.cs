namespace CyberNormPortal.Domain.Entries;

/// <summary>One language version of an entry's text: its original, or one of its translations.</summary>
public sealed record EntryText(string Language, string Title, string Summary, string Body, bool IsOriginal);
