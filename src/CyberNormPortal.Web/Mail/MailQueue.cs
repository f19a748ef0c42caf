using CyberNormPortal.Web.Data;
using Microsoft.Extensions.Options;

namespace CyberNormPortal.Web.Mail;

/// <summary>
/// Puts messages in the database queue as part of the caller's unit of work; the background sender delivers
/// them later, so a mail server that is down never blocks or undoes what the user did.
/// </summary>
public sealed class MailQueue(PortalDbContext db, TimeProvider clock, IHttpContextAccessor http, IOptions<MailOptions> options)
{
    /// <summary>Queues a message written in <paramref name="language"/> (a portal culture's tag).</summary>
    public void Enqueue(string to, string subject, string body, string language) =>
        db.OutgoingMail.Add(new OutgoingMail(to, subject, body, clock.GetUtcNow(), language));

    /// <summary>An absolute link for a message: the configured public URL, or the current request's host.</summary>
    public string Link(string pathAndQuery)
    {
        var baseUrl = options.Value.PublicUrl;
        if (string.IsNullOrWhiteSpace(baseUrl) && http.HttpContext?.Request is { } request)
        {
            baseUrl = $"{request.Scheme}://{request.Host}{request.PathBase}";
        }

        return (baseUrl ?? "http://localhost:5000").TrimEnd('/') + pathAndQuery;
    }
}
