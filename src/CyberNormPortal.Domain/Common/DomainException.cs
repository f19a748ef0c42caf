namespace CyberNormPortal.Domain.Common;

/// <summary>A rule of the domain was broken; the message is fit to show to the user who tried.</summary>
public sealed class DomainException(string message) : Exception(message);
