using System.Net;
using System.Net.Sockets;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;
using CyberNormPortal.Web.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CyberNormPortal.Web.IntegrationTests.Mail;

/// <summary>The background sender, driven one batch at a time over the portal's own database.</summary>
public sealed class MailSenderTests(PortalFixture portal) : PortalTest(portal), IDisposable
{
    private readonly string _pickup = Path.Combine(Path.GetTempPath(), $"portal-mail-{Guid.NewGuid():N}");

    [Fact]
    public async Task SendDue_PickupDirectory_WritesAnEmlFileAndMarksTheMessageSent()
    {
        var id = await QueueAsync("ada@example.org", "Your invitation to CyberNormPortal");
        Directory.CreateDirectory(_pickup); // as the sender does when it starts
        var sender = Sender(new MailOptions { PickupDirectory = _pickup });

        var attempted = await sender.SendDueAsync(CancellationToken.None);

        Assert.Equal(1, attempted);
        var file = Assert.Single(Directory.GetFiles(_pickup, "*.eml"));
        var eml = await File.ReadAllTextAsync(file);
        Assert.Contains("To: ada@example.org", eml);
        Assert.Contains("Subject: Your invitation to CyberNormPortal", eml);
        var mail = await Portal.WithDbAsync(db => db.OutgoingMail.SingleAsync(m => m.Id == id));
        Assert.NotNull(mail.SentAt);
        Assert.Null(mail.NextAttemptAt);
        Assert.Equal(1, mail.Attempts);
    }

    [Fact]
    public async Task SendDue_SmtpServerUnreachable_MarksFailedAndKeepsItQueuedForLater()
    {
        var id = await QueueAsync("ada@example.org", "Reset your password");
        var sender = Sender(new MailOptions { Smtp = new SmtpOptions { Host = "127.0.0.1", Port = ClosedPort(), Security = MailKit.Security.SecureSocketOptions.None } });
        var before = DateTimeOffset.UtcNow;

        var attempted = await sender.SendDueAsync(CancellationToken.None);

        Assert.Equal(1, attempted);
        var mail = await Portal.WithDbAsync(db => db.OutgoingMail.SingleAsync(m => m.Id == id));
        Assert.Null(mail.SentAt);
        Assert.Equal(1, mail.Attempts);
        Assert.NotNull(mail.LastError);
        Assert.True(mail.NextAttemptAt > before.AddSeconds(20), $"Next attempt at {mail.NextAttemptAt}");
        Assert.Equal(0, await sender.SendDueAsync(CancellationToken.None)); // not due again yet
    }

    [Fact]
    public async Task HostStoppedBeforeSending_MailStaysUnsent_AndANewHostSendsIt()
    {
        var id = await QueueAsync("ada@example.org", "Queued before a restart");
        var sender = Sender(new MailOptions { PickupDirectory = _pickup, PollInterval = TimeSpan.FromMinutes(5) });
        using (var stopping = new CancellationTokenSource())
        {
            await stopping.CancelAsync(); // SIGTERM arrived before the sender reached the message
            await sender.StartAsync(stopping.Token);
            await sender.StopAsync(CancellationToken.None);
        }

        var unsent = await Portal.WithDbAsync(db => db.OutgoingMail.SingleAsync(m => m.Id == id));
        Assert.Null(unsent.SentAt);
        Assert.Equal(0, unsent.Attempts);
        Assert.NotNull(unsent.NextAttemptAt);

        var restarted = Sender(new MailOptions { PickupDirectory = _pickup, PollInterval = TimeSpan.FromMinutes(5) });
        await restarted.StartAsync(CancellationToken.None);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline && await Portal.WithDbAsync(db => db.OutgoingMail.Where(m => m.Id == id).Select(m => m.SentAt).SingleAsync()) is null)
        {
            await Task.Delay(100);
        }

        await restarted.StopAsync(CancellationToken.None);
        var sent = await Portal.WithDbAsync(db => db.OutgoingMail.SingleAsync(m => m.Id == id));
        Assert.NotNull(sent.SentAt);
        Assert.Equal(1, sent.Attempts);
        Assert.Single(Directory.GetFiles(_pickup, "*.eml"));
    }

    [Fact]
    public async Task SendDue_CancelledBeforeDelivery_LeavesTheMessageQueuedNeitherSentNorFailed()
    {
        var id = await QueueAsync("ada@example.org", "Cut off");
        Directory.CreateDirectory(_pickup);
        var sender = Sender(new MailOptions { PickupDirectory = _pickup });

        var attempted = await sender.SendDueAsync(new CancellationToken(canceled: true)).ContinueWith(t => t.IsCanceled ? -1 : t.Result);

        Assert.True(attempted <= 0);
        var mail = await Portal.WithDbAsync(db => db.OutgoingMail.SingleAsync(m => m.Id == id));
        Assert.Null(mail.SentAt);
        Assert.Equal(0, mail.Attempts);
        Assert.Null(mail.LastError);
        Assert.Empty(Directory.GetFiles(_pickup, "*.eml"));
    }

    public void Dispose()
    {
        if (Directory.Exists(_pickup))
        {
            Directory.Delete(_pickup, recursive: true);
        }
    }

    private MailSender Sender(MailOptions options) =>
        new(Portal.Factory.Services.GetRequiredService<IServiceScopeFactory>(), Options.Create(options), TimeProvider.System, NullLogger<MailSender>.Instance);

    private Task<long> QueueAsync(string to, string subject) =>
        Portal.WithDbAsync(async db =>
        {
            var mail = new OutgoingMail(to, subject, "Hello.", DateTimeOffset.UtcNow.AddSeconds(-1));
            db.OutgoingMail.Add(mail);
            await db.SaveChangesAsync();
            return mail.Id;
        });

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
