using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CyberNormPortal.Web.Data;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CyberNormPortal.Web.Mail;

/// <summary>
/// Delivers queued mail in the background. Several instances may run: each claims due messages with
/// <c>FOR UPDATE SKIP LOCKED</c>, so no message goes out twice. Failures are retried with back-off.
/// Messages go out through MailKit over SMTP (<see cref="SmtpOptions"/>), or as .eml files into a pickup directory.
/// </summary>
public sealed partial class MailSender(
    IServiceScopeFactory scopes, IOptions<MailOptions> options, TimeProvider clock, ILogger<MailSender> logger) : BackgroundService
{
    private const int BatchSize = 20;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (settings.PickupDirectory is { Length: > 0 } pickup)
        {
            Directory.CreateDirectory(pickup);
            LogPickup(logger, Path.GetFullPath(pickup));
        }
        else if (string.IsNullOrWhiteSpace(settings.Smtp.Host))
        {
            LogNoTransport(logger);
            return;
        }

        using var timer = new PeriodicTimer(settings.PollInterval, clock);
        do
        {
            try
            {
                while (await SendDueAsync(stoppingToken) == BatchSize)
                {
                    // A full batch: there may be more due right away.
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The database may be down; the messages stay queued and the next tick tries again.
                LogQueueUnavailable(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>
    /// Sends every message that is due (one batch); returns how many were attempted. When
    /// <paramref name="cancellationToken"/> fires (the host is stopping), no further message is started, one cut off
    /// mid-send stays queued untouched (neither sent nor failed), and what did go out is still recorded, so a restart
    /// resumes exactly with what is left. A transient database failure retries the claim, deliveries and commit as one
    /// unit; after a commit whose outcome is unknown the recorded attempts are checked, so a batch is not sent twice.
    /// </summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        List<OutgoingMail> handled = [];
        var attempted = await db.InRetriedTransactionAsync(
            async _ =>
            {
                handled = [];
                var now = clock.GetUtcNow();
                var due = await db.OutgoingMail
                    .FromSql($"""
                        SELECT * FROM "OutgoingMail"
                        WHERE "NextAttemptAt" IS NOT NULL AND "NextAttemptAt" <= {now}
                        ORDER BY "Id" LIMIT {BatchSize} FOR UPDATE SKIP LOCKED
                        """)
                    .ToListAsync(cancellationToken);

                foreach (var mail in due)
                {
                    if (cancellationToken.IsCancellationRequested)
                    {
                        break;
                    }

                    try
                    {
                        await DeliverAsync(mail, cancellationToken);
                        mail.MarkSent(clock.GetUtcNow());
                        LogSent(logger, mail.Id);
                    }
                    catch (Exception exception) when (exception is OperationCanceledException && cancellationToken.IsCancellationRequested)
                    {
                        // Cut off mid-send: whether it went out is unknown, so it stays queued as it was.
                        LogInterrupted(logger, mail.Id);
                        break;
                    }
                    catch (Exception exception) when (IsDeliveryFailure(exception))
                    {
                        mail.MarkFailed(exception.Message, clock.GetUtcNow(), options.Value.MaxAttempts);
                        LogFailed(logger, mail.Id, mail.Attempts, exception.Message);
                    }

                    handled.Add(mail);
                }

                // Not cancellable: what was delivered is recorded even while the host stops.
                await db.SaveChangesAsync(CancellationToken.None);
                return handled.Count;
            },
            async _ =>
            {
                var ids = handled.Select(m => m.Id).ToList();
                var recorded = await db.OutgoingMail.AsNoTracking().Where(m => ids.Contains(m.Id))
                    .ToDictionaryAsync(m => m.Id, m => m.Attempts, CancellationToken.None);
                return handled.All(m => recorded.GetValueOrDefault(m.Id) >= m.Attempts);
            },
            CancellationToken.None);
        return attempted;
    }

    private async Task DeliverAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(settings.From));
        // One address, or a comma-separated list (the introduction of a match goes to both sides at once).
        message.To.AddRange(InternetAddressList.Parse(mail.To));
        message.Subject = mail.Subject;
        message.Body = new TextPart(MimeKit.Text.TextFormat.Plain) { Text = mail.Body };
        // The language it is written in, from the recipient's preference: mail clients and screen readers rely on it.
        // A Content-* header, so it belongs to the body part (where MimeKit also puts it when it reads a message).
        message.Body.Headers.Add(HeaderId.ContentLanguage, mail.Language);
        message.Headers.Add("X-Portal-Mail-Id", mail.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

        if (settings.PickupDirectory is { Length: > 0 } pickup)
        {
            var file = Path.Combine(Path.GetFullPath(pickup), $"{mail.Id:D10}-{Guid.NewGuid():N}.eml");
            await message.WriteToAsync(file, cancellationToken);
            return;
        }

        var smtp = settings.Smtp;
        using var client = new SmtpClient();
        if (smtp.TrustedCertificateThumbprint is { Length: > 0 } thumbprint)
        {
            client.ServerCertificateValidationCallback = (_, certificate, _, errors) => IsTrusted(certificate, errors, thumbprint);
        }

        await client.ConnectAsync(
            smtp.Host is { Length: > 0 } host ? host : throw new InvalidOperationException("No Mail:Smtp:Host is configured."), smtp.Port, smtp.Security, cancellationToken);
        if (smtp.UserName is { Length: > 0 } user)
        {
            await client.AuthenticateAsync(user, smtp.Password ?? "", cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    /// <summary>What the system trusts, or exactly the one certificate the operator pinned by its SHA-256 thumbprint.</summary>
    private static bool IsTrusted(X509Certificate? certificate, SslPolicyErrors errors, string thumbprint) =>
        errors == SslPolicyErrors.None
        || (certificate is not null
            && string.Equals(certificate.GetCertHashString(HashAlgorithmName.SHA256), thumbprint.Replace(":", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase));

    /// <summary>Failures of this one delivery (server down, refused, TLS or authentication failed, a bad address): retried later.</summary>
    private static bool IsDeliveryFailure(Exception exception) => exception is
        CommandException or ProtocolException or MailKit.Security.AuthenticationException or SslHandshakeException
        or System.Security.Authentication.AuthenticationException or SocketException or IOException or TimeoutException
        or InvalidOperationException or FormatException or NotSupportedException;

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail is written as .eml files to {Directory} instead of being sent")]
    private static partial void LogPickup(ILogger logger, string directory);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No Mail:Smtp:Host or Mail:PickupDirectory is configured: mail stays queued in the database")]
    private static partial void LogNoTransport(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The mail queue could not be read; retrying on the next tick")]
    private static partial void LogQueueUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail {MailId} was cut off by shutdown; it stays queued")]
    private static partial void LogInterrupted(ILogger logger, long mailId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail {MailId} sent")]
    private static partial void LogSent(ILogger logger, long mailId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail {MailId} failed (attempt {Attempts}): {Error}")]
    private static partial void LogFailed(ILogger logger, long mailId, int attempts, string error);
}
