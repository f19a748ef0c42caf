using Microsoft.Extensions.Options;

namespace CyberNormPortal.Web.Reports;

/// <summary>
/// Calls <see cref="ReminderService.SendDueAsync"/> every <see cref="ReminderOptions.Interval"/>, on every instance:
/// the service's once-only rows make the instances agree on who sends what.
/// </summary>
public sealed partial class ReminderJob(
    IServiceScopeFactory scopes, IOptions<ReminderOptions> options, TimeProvider clock, ILogger<ReminderJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            LogDisabled(logger);
            return;
        }

        using var timer = new PeriodicTimer(settings.Interval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var sent = await scope.ServiceProvider.GetRequiredService<ReminderService>().SendDueAsync(clock.GetUtcNow(), stoppingToken);
                if (sent > 0)
                {
                    LogSent(logger, sent);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The database may be down; what is due stays due, and the next tick tries again.
                LogUnavailable(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminders are turned off (Reminders:Enabled)")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} reminders queued")]
    private static partial void LogSent(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminders could not be sent; retrying on the next tick")]
    private static partial void LogUnavailable(ILogger logger, Exception exception);
}

/// <summary>Registration of the reminders: the service, its options and the background loop.</summary>
public static class ReminderHostingExtensions
{
    public static IServiceCollection AddPortalReminders(this IServiceCollection services)
    {
        services.AddOptions<ReminderOptions>().BindConfiguration(ReminderOptions.Section);
        services.AddScoped<ReminderService>();
        services.AddHostedService<ReminderJob>();
        return services;
    }
}
