using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CyberNormPortal.Web.Mail;
using MimeKit;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace CyberNormPortal.Web.IntegrationTests.Infrastructure;

/// <summary>A message as the SMTP server received it: the envelope, the parsed message, and how the session was held.</summary>
public sealed record ReceivedMail(IReadOnlyList<string> Recipients, MimeMessage Message, bool OverTls, string? AuthenticatedUser)
{
    public string Subject => Message.Subject ?? "";

    public string Body => Message.TextBody ?? "";

    /// <summary>
    /// The first link in the body to <paramref name="path"/> (e.g. "/entries/") in any of the portal's languages
    /// ("/ru/entries/…"), as the path and query a browser would open.
    /// </summary>
    public string Link(string path) =>
        System.Text.RegularExpressions.Regex.Matches(Body, @"https?://\S+").Select(m => new Uri(m.Value))
            .FirstOrDefault(link => Web.Localization.PortalCultures.All.Any(c => link.AbsolutePath.StartsWith($"/{c.Name}{path}", StringComparison.Ordinal)))?.PathAndQuery
        ?? throw new InvalidOperationException($"No link to {path} in: {Body}");
}

/// <summary>
/// A real SMTP server (the SmtpServer package) on a free loopback port for one test: it keeps what it receives, and can
/// require authentication or offer STARTTLS with a self-signed certificate made for the test.
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedMail> _received = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly SmtpServer.SmtpServer _server;
    private readonly Task _running;

    private TestSmtpServer(int port, X509Certificate2? certificate, (string User, string Password)? login)
    {
        Port = port;
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint =>
            {
                endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, port)).IsSecure(false);
                if (certificate is not null)
                {
                    endpoint.Certificate(certificate); // offers STARTTLS
                }

                if (login is not null)
                {
                    // Without TLS in the test, AUTH must be allowed on the plain connection.
                    endpoint.AuthenticationRequired().AllowUnsecureAuthentication(certificate is null);
                }
            })
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(_received));
        if (login is { } required)
        {
            services.Add(new DelegatingUserAuthenticator((user, password) => user == required.User && password == required.Password));
        }

        _server = new SmtpServer.SmtpServer(options, services);
        _running = _server.StartAsync(_stop.Token);
    }

    public int Port { get; }

    public IReadOnlyList<ReceivedMail> Received => [.. _received];

    /// <summary>Starts a server and waits until it accepts connections.</summary>
    public static async Task<TestSmtpServer> StartAsync(X509Certificate2? certificate = null, (string User, string Password)? login = null)
    {
        var server = new TestSmtpServer(FreePort(), certificate, login);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, server.Port);
                return server;
            }
            catch (SocketException) when (attempt < 50)
            {
                await Task.Delay(20);
            }
        }
    }

    /// <summary>The mail options of a portal that sends through this server (no TLS unless <paramref name="security"/> says so).</summary>
    public MailOptions Options(MailKit.Security.SecureSocketOptions security = MailKit.Security.SecureSocketOptions.None, Action<SmtpOptions>? configure = null)
    {
        var smtp = new SmtpOptions { Host = "127.0.0.1", Port = Port, Security = security };
        configure?.Invoke(smtp);
        return new MailOptions { Smtp = smtp };
    }

    /// <summary>Waits (at most <paramref name="timeout"/>) until a message matching <paramref name="match"/> has arrived.</summary>
    public async Task<ReceivedMail> WaitForAsync(Func<ReceivedMail, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (_received.FirstOrDefault(match) is { } mail)
            {
                return mail;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No such message within {timeout}; received: {string.Join(", ", _received.Select(m => m.Subject))}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>A self-signed server certificate for localhost and 127.0.0.1, valid around now.</summary>
    public static X509Certificate2 CreateSelfSignedCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, false));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        // Re-imported with its private key, as TLS on the server side needs on every platform.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _server.Shutdown();
        try
        {
            await _running.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (OperationCanceledException)
        {
            // Stopped as asked.
        }

        _stop.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class Store(ConcurrentQueue<ReceivedMail> received) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            received.Enqueue(new ReceivedMail(
                [.. transaction.To.Select(to => $"{to.User}@{to.Host}")],
                message,
                context.Pipe.IsSecure,
                context.Authentication.IsAuthenticated ? context.Authentication.User : null));
            return SmtpResponse.Ok;
        }
    }
}
