using CyberNormPortal.Domain.Common;

namespace CyberNormPortal.Domain.Capacity;

/// <summary>
/// A capacity-building organisation — a regional CERT network, a UN body, a foundation — whose points of contact
/// post offers. The secretariat registers it and invites its contacts.
/// </summary>
public sealed class Organisation
{
    public const int NameMaxLength = 200;

    private Organisation()
    {
    }

    public Organisation(string name, string? website, DateTimeOffset now)
    {
        Rename(name, website);
        CreatedAt = now;
    }

    public int Id { get; private set; }

    public string Name { get; private set; } = "";

    public string? Website { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public void Rename(string name, string? website)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new DomainException(DomainMessages.OrganisationNameRequired);
        }

        Name = name.Trim();
        Website = string.IsNullOrWhiteSpace(website) ? null : website.Trim();
    }
}
