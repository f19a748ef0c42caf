using System.Reflection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace CyberNormPortal.Web.Identity;

/// <summary>
/// Refuses passwords that are among the most common ones, and such a password dressed up with digits and
/// symbols ("Password1234!", "qwerty123456"): attackers try those first.
/// </summary>
public sealed class CommonPasswordValidator(IStringLocalizer<SharedResource> localizer) : IPasswordValidator<PortalUser>
{
    private static readonly Lazy<HashSet<string>> Common = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<PortalUser> manager, PortalUser user, string? password)
    {
        if (password is null || !IsCommon(password, user))
        {
            return Task.FromResult(IdentityResult.Success);
        }

        return Task.FromResult(IdentityResult.Failed(new PortalIdentityErrorDescriber(localizer).CommonPassword()));
    }

    public static bool IsCommon(string password, PortalUser? user = null)
    {
        var lowered = password.Trim().ToLowerInvariant();
        if (Common.Value.Contains(lowered))
        {
            return true;
        }

        // The core once digits and symbols around it are stripped, with common letter-for-digit swaps undone.
        var core = new string(lowered.Trim("0123456789!@#$%^&*()_+-=.?~ ".ToCharArray())
            .Replace('@', 'a').Replace('0', 'o').Replace('1', 'i').Replace('3', 'e').Replace('$', 's').ToArray());
        if (core.Length == 0 || Common.Value.Contains(core) || core.Distinct().Count() <= 2)
        {
            return true;
        }

        var local = user?.Email?.Split('@')[0].ToLowerInvariant();
        return local is { Length: >= 4 } && core == local;
    }

    private static HashSet<string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Identity.common-passwords.txt")
            ?? throw new InvalidOperationException("The common-password list is not embedded.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                set.Add(line.Trim().ToLowerInvariant());
            }
        }

        return set;
    }
}
