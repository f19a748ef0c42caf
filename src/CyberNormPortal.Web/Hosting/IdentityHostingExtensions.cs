using CyberNormPortal.Web.Accounts;
using CyberNormPortal.Web.Auditing;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Identity;
using CyberNormPortal.Web.Localization;
using CyberNormPortal.Web.Mail;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Identity;

namespace CyberNormPortal.Web.Hosting;

public static class IdentityHostingExtensions
{
    public const string SignInPath = "/account/sign-in";
    public const string TwoFactorSetupPath = "/account/two-factor";

    /// <summary>Accounts (Identity in PostgreSQL), the portal's policies, the audit log and the mail queue.</summary>
    public static WebApplicationBuilder AddPortalIdentity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddHttpContextAccessor();
        services.AddIdentity<PortalUser, IdentityRole>(options =>
            {
                options.Password.RequiredLength = 12;
                options.Password.RequiredUniqueChars = 5;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
                // "Confirmed" means active here (ActiveUserConfirmation): a deactivated account cannot sign in.
                options.SignIn.RequireConfirmedAccount = true;
            })
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<PortalUserClaimsPrincipalFactory>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddErrorDescriber<PortalIdentityErrorDescriber>();
        services.AddScoped<IUserConfirmation<PortalUser>, ActiveUserConfirmation>();

        // Password-reset links: valid for two hours, and single-use because a reset changes the security stamp.
        services.Configure<DataProtectionTokenProviderOptions>(options => options.TokenLifespan = TimeSpan.FromHours(2));

        // A deactivation, role change or sign-out elsewhere changes the security stamp; every session notices within this interval.
        var validationInterval = builder.Configuration.GetValue("Identity:SessionValidationInterval", TimeSpan.FromMinutes(1));
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = validationInterval);

        // Names and attributes of the session, two-factor and antiforgery cookies: CookieHostingExtensions.
        services.AddPortalCookies(builder.Environment, builder.Configuration);
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = SignInPath;
            options.LogoutPath = "/account/sign-out";
            options.AccessDeniedPath = "/account/access-denied";
            options.ReturnUrlParameter = "returnUrl";
            // Idle timeout: 30 minutes, renewed while used; the 12-hour absolute limit is PortalSessions'.
            options.ExpireTimeSpan = PortalSessions.IdleTimeout;
            options.SlidingExpiration = true;
            options.Events.OnSigningIn = context =>
            {
                // Before PortalSessions marks the session started: only a new sign-in sets the reader's language.
                LanguageCookie.OnSigningIn(context);
                return PortalSessions.OnSigningIn(context);
            };
            options.Events.OnValidatePrincipal = PortalSessions.OnValidatePrincipal;
        });

        services.AddAuthorizationBuilder().AddPortalPolicies();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, TwoFactorSetupRedirect>();

        services.AddScoped<AuditLog>();
        services.AddScoped<DemoAccounts>();
        services.AddScoped<AccountService>();
        services.AddScoped<StartPages>();
        services.AddScoped<CreateAdministratorCommand>();
        services.AddScoped<MailQueue>();
        services.AddScoped<MailTemplates>();
        services.AddScoped<Notifications>();
        services.AddOptions<MailOptions>().BindConfiguration(MailOptions.Section);
        services.AddSingleton<MailSender>();
        services.AddHostedService(sp => sp.GetRequiredService<MailSender>());
        return builder;
    }
}

/// <summary>
/// A moderator or administrator without two-factor sign-in who asks for one of their pages is sent to set it up,
/// rather than shown "access denied": the policy's capability is one they would have with two-factor sign-in
/// (<see cref="PortalCapabilities.AwaitsTwoFactorFor"/>).
/// </summary>
public sealed class TwoFactorSetupRedirect : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden
            && authorizeResult.AuthorizationFailure?.FailedRequirements is { } failed
            && failed.Any()
            && failed.All(requirement => requirement is CapabilityRequirement capability
                                         && PortalCapabilities.AwaitsTwoFactorFor(context.User, capability.Capability)))
        {
            var returnUrl = context.Request.PathBase + context.Request.Path + context.Request.QueryString;
            context.Response.Redirect($"{IdentityHostingExtensions.TwoFactorSetupPath}?required=true&returnUrl={Uri.EscapeDataString(returnUrl)}");
            return Task.CompletedTask;
        }

        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
