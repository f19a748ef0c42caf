using CyberNormPortal.Web.Accounts;
using CyberNormPortal.Web.Mail;
using Microsoft.Extensions.Options;

namespace CyberNormPortal.Web.Identity;

/// <summary>
/// <c>dotnet CyberNormPortal.Web.dll create-admin &lt;email&gt; "&lt;name&gt;"</c>: how production gets its first administrator.
/// It creates an administrator invitation (<see cref="AccountService.CreateFirstAdministratorAsync"/>) and prints its
/// single-use link, so no password ever passes through a shell history; the administrator sets one and then two-factor sign-in.
/// </summary>
public sealed class CreateAdministratorCommand(AccountService accounts, MailTemplates templates, IOptions<MailOptions> mail)
{
    public const string Usage = "Usage: create-admin <email> \"<display name>\"   (set Mail__PublicUrl to the portal's address for the link)";

    public async Task<int> RunAsync(IReadOnlyList<string> arguments, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        if (arguments.Count < 2 || !arguments[0].Contains('@', StringComparison.Ordinal) || string.IsNullOrWhiteSpace(arguments[1]))
        {
            await error.WriteLineAsync(Usage);
            return 64;
        }

        var email = arguments[0].Trim();
        if (await accounts.CreateFirstAdministratorAsync(email, arguments[1], cancellationToken) is not InvitationResult.Sent sent)
        {
            await error.WriteLineAsync($"An account for {email} already exists; an administrator can change its roles on /admin/users.");
            return 65;
        }

        var baseUrl = (mail.Value.PublicUrl ?? "http://localhost:5000").TrimEnd('/');
        var lifetime = templates.Lifetime(Invitation.Lifetime, MailTemplates.DefaultCulture);
        await output.WriteLineAsync($"Administrator invitation created for {email}. Open this link within {lifetime} to set a password (it works once):");
        await output.WriteLineAsync($"{baseUrl}{InvitationLinks.AcceptPath}?token={sent.Token}");
        return 0;
    }
}

public static class InvitationLinks
{
    public const string AcceptPath = "/account/accept-invitation";
}
