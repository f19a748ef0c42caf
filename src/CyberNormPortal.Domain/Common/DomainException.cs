namespace CyberNormPortal.Domain.Common;

/// <summary>
/// A rule of the domain was broken. Where a person's action broke it, the message is one of <see cref="DomainMessages"/>:
/// English, and the key the web layer looks up to show it to that person in their language.
/// </summary>
public sealed class DomainException(string message) : Exception(message);
