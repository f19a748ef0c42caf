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

    /// <summary>
    /// An absolute link for a message, in the recipient's language (<c>/fr/entries/5</c>): the configured public URL,
    /// or the current request's host (without the language of the request, which may be the sender's).
    /// </summary>
    public string Link(string pathAndQuery, System.Globalization.CultureInfo language)
    {
        var baseUrl = options.Value.PublicUrl;
        if (string.IsNullOrWhiteSpace(baseUrl) && http.HttpContext is { } context)
        {
            baseUrl = $"{context.Request.Scheme}://{context.Request.Host}{Localization.CultureRouting.RootPathBase(context)}";
        }

        var culture = Localization.PortalCultures.OrDefault(language.Name);
        return (baseUrl ?? "http://localhost:5000").TrimEnd('/') + "/" + culture.Name + pathAndQuery;
    }
}
