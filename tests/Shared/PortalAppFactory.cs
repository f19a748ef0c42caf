using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CyberNormPortal.Tests.Shared;

/// <summary>The portal as the tests host it: a database of its own, migrated and seeded at start-up.</summary>
public class PortalAppFactory(string connectionString, bool migrateOnStartup = true) : WebApplicationFactory<Program>
{
    public string ConnectionString { get; } = connectionString;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Portal", ConnectionString);
        builder.UseSetting("Database:MigrateOnStartup", migrateOnStartup ? "true" : "false");
        // Every request checks the session against the account, so a deactivation or sign-out elsewhere shows at once.
        builder.UseSetting("Identity:SessionValidationInterval", "00:00:00");
        // Every test request comes from one (unknown) address: rate limits are off here and on in Security/RateLimitTests.
        builder.UseSetting("RateLimits:Enabled", "false");
        // Tests send reminders by calling ReminderService with their own clock.
        builder.UseSetting("Reminders:Enabled", "false");
    }
}
