using CyberNormPortal.Web.Api;
using CyberNormPortal.Web.Authorization;
using CyberNormPortal.Web.Caching;
using CyberNormPortal.Web.Coverage;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Data.Seeding;
using CyberNormPortal.Web.Entries;
using CyberNormPortal.Web.Exports;
using CyberNormPortal.Web.Feeds;
using CyberNormPortal.Web.Filters;
using CyberNormPortal.Web.Health;
using CyberNormPortal.Web.Identity;
using CyberNormPortal.Web.Localization;
using CyberNormPortal.Web.Rendering;
using CyberNormPortal.Web.Reports;
using CyberNormPortal.Web.Search;
using CyberNormPortal.Web.Synthesis;
using CyberNormPortal.Web.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace CyberNormPortal.Web.Hosting;

public static class WebHostingExtensions
{
    public const string ReadyTag = "ready";

    public static WebApplicationBuilder AddPortalWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // No "Server: Kestrel": nothing tells a scanner what the portal runs on.
        builder.WebHost.ConfigureKestrel(options => options.AddServerHeader = false);
        // A year, subdomains included (ASVS 14.4.5). Sent only over HTTPS and never to localhost.
        services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = true;
        });
        services.AddSingleton(TimeProvider.System);
        // On SIGTERM Kestrel stops accepting, lets requests in flight finish and the mail sender end its message,
        // for up to this long (Hosting:ShutdownTimeout overrides it; keep it below the orchestrator's grace period).
        services.Configure<HostOptions>(options => options.ShutdownTimeout =
            builder.Configuration.GetValue("Hosting:ShutdownTimeout", TimeSpan.FromSeconds(30)));
        // One key ring for every instance, in the database: a cookie or form issued by one instance is
        // accepted by another, and survives restarts.
        services.AddDataProtection()
            .SetApplicationName("CyberNormPortal")
            .PersistKeysToDbContext<PortalDbContext>();
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        // Arabic, Chinese, Cyrillic and accented letters are written as themselves, not as &#x...; entities: pages
        // stay readable and small. Markup characters (< > & " ') are still encoded.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(options =>
            options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.Configure<RouteOptions>(options =>
        {
            options.LowercaseUrls = true;
            options.LowercaseQueryStrings = false;
        });
        services.AddRazorPages(options =>
            {
                // Who may reach which folder; per-entry rules are in EntryAuthorizationHandler.
                var pages = options.Conventions;
                pages.AuthorizeFolder("/Account", PortalPolicies.SignedIn);
                pages.AllowAnonymousToPage("/Account/SignIn");
                pages.AllowAnonymousToPage("/Account/SignInTwoFactor");
                pages.AllowAnonymousToPage("/Account/SignOut");
                pages.AllowAnonymousToPage("/Account/ForgotPassword");
                pages.AllowAnonymousToPage("/Account/ResetPassword");
                pages.AllowAnonymousToPage("/Account/AcceptInvitation");
                pages.AllowAnonymousToPage("/Account/AccessDenied");
                pages.AuthorizeFolder("/My", PortalPolicies.Contributes);
                pages.AuthorizePage("/Entries/New", PortalPolicies.Contributes);
                pages.AuthorizePage("/Entries/Edit", PortalPolicies.Contributes);
                pages.AuthorizePage("/Entries/Review", PortalPolicies.SignedIn);
                pages.AuthorizePage("/Entries/History", PortalPolicies.SignedIn);
                // A report's working copy: per-report rules in ReportAuthorizationHandler.
                pages.AuthorizeFolder("/ReportWork", PortalPolicies.SignedIn);
                pages.AuthorizePage("/ReportWork/Part", PortalPolicies.Contributes);
                pages.AuthorizeFolder("/Review", PortalPolicies.Reviews);
                pages.AuthorizeFolder("/CapacityWork", PortalPolicies.SignedIn);
                pages.AuthorizePage("/CapacityWork/New", PortalPolicies.PostsCapacity);
                pages.AuthorizePage("/CapacityWork/Mine", PortalPolicies.PostsCapacity);
                // The register of organisations is the initiative's (moderators and administrators), not the queue's.
                pages.AddFolderApplicationModelConvention("/Moderation", model => model.EndpointMetadata.Add(new AuthorizeAttribute(
                    model.ViewEnginePath.StartsWith("/Moderation/Organisations/", StringComparison.Ordinal)
                        ? PortalPolicies.ManagesInitiative
                        : PortalPolicies.Moderates)));
                // Capacity building: an item's page is read by its label (CapacityVisibility); interest and matches need an account.
                pages.AuthorizePage("/Capacity/Interest", PortalPolicies.SignedIn);
                pages.AuthorizePage("/Capacity/Match", PortalPolicies.SignedIn);
                pages.AuthorizeFolder("/Admin", PortalPolicies.ManagesInitiative);
                pages.AuthorizeFolder("/Admin/Users", PortalPolicies.Administers);
                pages.AuthorizeFolder("/Admin/Invitations", PortalPolicies.Administers);
                pages.AuthorizeFolder("/Admin/Audit", PortalPolicies.Administers);
                // Which States are initiative members decides whose entries publish without moderation: an operator's call.
                pages.AuthorizeFolder("/Admin/States", PortalPolicies.Administers);
            })
            .AddMvcOptions(options =>
            {
                // Validation is FluentValidation's, run explicitly by each page: no implicit [Required] from nullability.
                options.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
                options.ModelMetadataDetailsProviders.Add(new EmptyStringsStayEmpty());
            })
            .AddViewLocalization();
        services.AddLocalizedModelBindingMessages();
        services.AddSingleton<MarkdownRenderer>();
        services.AddSingleton<StateNames>();
        services.AddScoped<SynthesisReader>();
        services.AddSynthesisExports();
        services.AddReportExports();
        services.AddScoped<EntryService>();
        services.AddPortalReminders();
        services.AddScoped<WorkQueues>();
        services.AddScoped<SearchService>();
        services.AddFilterParsers();
        services.AddScoped<CoverageReader>();
        services.AddPublishedContentCache(builder.Configuration);
        services.AddPortalForwardedHeaders(builder.Configuration);
        services.AddSingleton<IAuthorizationHandler, EntryAuthorizationHandler>();
        services.AddSingleton<IAuthorizationHandler, ReportAuthorizationHandler>();
        services.AddScoped<ReportService>();
        services.AddScoped<Capacity.CapacityMatchService>();
        services.AddScoped<Mail.CapacityNotifications>();
        services.AddScoped<Capacity.CapacityService>();
        services.AddScoped<ReferenceDataSeeder>();
        services.AddScoped<BenchmarkDataGenerator>();
        services.AddScoped<BenchmarkWorkloads>();
        services.AddHealthChecks()
            .AddCheck<DatabaseReadyHealthCheck>("database", tags: [ReadyTag]);

        // The public read-only API: JSON options, its CORS policy and its OpenAPI document (Api/PortalApi.cs).
        services.AddPortalApi();
        return builder;
    }

    public static WebApplication UsePortal(this WebApplication app)
    {
        // The client's scheme and address as a known proxy forwards them (Hosting/ForwardedHeadersHostingExtensions.cs).
        app.UseForwardedHeaders();

        // First after that, so that every response has them, error pages and static files included (Hosting/SecurityHeaders.cs).
        app.UseSecurityHeaders();

        // The language from the URL prefix (/fr/...), else the reader's choice or browser; error pages included.
        app.UsePortalCultures();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
            app.UseHsts();
        }

        app.UseStatusCodePagesWithReExecute("/status/{0}");
        app.UsePortalRequestLogging();
        app.UseStaticFiles();
        app.UseRouting();
        // A method a page does not serve is 405 with Allow, before rate limits, sign-in and antiforgery (Hosting/PageMethods.cs).
        app.UsePageMethods();
        // 429 on sign-in, reset and invitation POSTs, search and the API, per client address (RateLimitingHostingExtensions).
        app.UseRateLimiter();
        // Only endpoints that ask for a policy get CORS headers: the public API (Api/PortalApi.cs).
        app.UseCors();
        app.UseAuthentication();
        // Sign-in attempts per account as well as per address (RateLimitingHostingExtensions).
        app.UseSignInAccountRateLimit();
        app.UseAuthorization();
        // After authentication: only anonymous readers share cached pages (Caching/PublishedContentCache.cs).
        app.UseOutputCache();

        // Liveness: the process answers. Readiness: PostgreSQL answers and the schema is current.
        // GET and HEAD only: routing answers any other method with 405 and Allow.
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false })
            .WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]));
        app.MapHealthChecks("/healthz/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) })
            .WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]));
        app.MapSynthesisExports();
        app.MapReportExports();
        app.MapRazorPages();

        // Public, TLP:CLEAR only: /api/v1 (and its OpenAPI document) and the Atom feeds.
        app.MapPortalApi();
        app.MapReportsApi();
        app.MapCapacityApi();
        app.MapPortalFeeds();
        app.MapReportFeed();
        return app;
    }
}
