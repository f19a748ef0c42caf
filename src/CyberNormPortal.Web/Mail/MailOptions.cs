using MailKit.Security;

namespace CyberNormPortal.Web.Mail;

/// <summary>
/// How queued mail leaves the portal: to an SMTP server (<c>Mail:Smtp:Host</c>), or as .eml files into
/// <c>Mail:PickupDirectory</c> (Development's default). With neither, mail stays queued.
/// </summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    public string From { get; set; } = "CyberNormPortal <no-reply@cybernormportal.invalid>";

    public string? PickupDirectory { get; set; }

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>How often the sender looks for due messages.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Attempts before a message is given up (and kept, with its last error).</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Base of links in messages, e.g. https://portal.example.org; the request's own host when empty.</summary>
    public string? PublicUrl { get; set; }
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>
    /// How the connection is secured: <c>StartTls</c> (the default, for port 587), <c>SslOnConnect</c> (port 465),
    /// <c>Auto</c> (MailKit decides from the port and what the server offers) or <c>None</c> (plain text; only for a
    /// relay on the same host).
    /// </summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTls;

    /// <summary>Authenticates with these when a user name is set.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>
    /// The SHA-256 thumbprint (hex) of one server certificate to accept although it does not chain to a trusted root,
    /// e.g. a relay's self-signed certificate. Empty (the default): only certificates the system trusts are accepted.
    /// Certificate checks are never switched off as a whole; this pins exactly one certificate.
    /// </summary>
    public string? TrustedCertificateThumbprint { get; set; }
}
