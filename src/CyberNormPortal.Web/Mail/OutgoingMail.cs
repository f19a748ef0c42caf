namespace CyberNormPortal.Web.Mail;

/// <summary>A message waiting in the database for the background sender; kept after sending as a record.</summary>
public sealed class OutgoingMail
{
    private OutgoingMail()
    {
    }

    public OutgoingMail(string to, string subject, string body, DateTimeOffset queuedAt, string language = Localization.PortalCultures.DefaultName)
    {
        To = to;
        Language = language;
        Subject = subject;
        Body = body;
        QueuedAt = queuedAt;
        NextAttemptAt = queuedAt;
    }

    public long Id { get; private set; }

    public string To { get; private set; } = "";

    public string Subject { get; private set; } = "";

    /// <summary>The language the message is written in (a portal culture's tag), sent as its Content-Language.</summary>
    public string Language { get; private set; } = "";

    /// <summary>Plain text: nothing a user wrote is ever interpreted as HTML in a mail client.</summary>
    public string Body { get; private set; } = "";

    public DateTimeOffset QueuedAt { get; private set; }

    public int Attempts { get; private set; }

    /// <summary>When the sender may try next; null once sent or given up.</summary>
    public DateTimeOffset? NextAttemptAt { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    public string? LastError { get; private set; }

    public void MarkSent(DateTimeOffset now)
    {
        Attempts++;
        SentAt = now;
        NextAttemptAt = null;
        LastError = null;
    }

    /// <summary>Backs off exponentially (30 s, 1 min, 2 min … capped at 1 h) and gives up after <paramref name="maxAttempts"/>.</summary>
    public void MarkFailed(string error, DateTimeOffset now, int maxAttempts)
    {
        Attempts++;
        LastError = error.Length > 1000 ? error[..1000] : error;
        NextAttemptAt = Attempts >= maxAttempts
            ? null
            : now + TimeSpan.FromSeconds(Math.Min(3600, 30 * Math.Pow(2, Attempts - 1)));
    }
}
