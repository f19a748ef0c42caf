namespace CyberNormPortal.Web.Hosting;

public static partial class StartupMessages
{
    /// <summary>Once Kestrel listens, says where to open the portal (and where its development database is).</summary>
    public static void LogWhereToOpen(this WebApplication app, LocalPostgres? developmentDatabase)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("CyberNormPortal");
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            if (developmentDatabase is not null)
            {
                LogDevelopmentDatabase(logger, developmentDatabase.Port, developmentDatabase.DataDirectory);
            }

            foreach (var url in app.Urls)
            {
                LogOpen(logger, url);
            }
        });
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Development PostgreSQL on 127.0.0.1:{Port}, data in {DataDirectory}; it stops when the portal stops")]
    private static partial void LogDevelopmentDatabase(ILogger logger, int port, string dataDirectory);

    [LoggerMessage(Level = LogLevel.Information, Message = "CyberNormPortal is ready: open {Url} in your browser")]
    private static partial void LogOpen(ILogger logger, string url);
}
