using CyberNormPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.Hosting;

public static class DatabaseHostingExtensions
{
    public const string ConnectionStringName = "Portal";
    public const string DevelopmentDatabaseName = "cybernormportal";

    /// <summary>
    /// Registers <see cref="PortalDbContext"/>. In Development with no connection string configured, first
    /// starts a PostgreSQL of its own (returned, so the caller stops it when the app ends).
    /// </summary>
    public static async Task<LocalPostgres?> AddPortalDatabaseAsync(this WebApplicationBuilder builder)
    {
        LocalPostgres? localServer = null;
        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (!builder.Environment.IsDevelopment())
            {
                throw new InvalidOperationException(
                    $"No database is configured. Set ConnectionStrings__{ConnectionStringName} to a PostgreSQL connection string.");
            }

            var root = builder.Configuration["LocalPostgres:Directory"]
                ?? Path.Combine(builder.Environment.ContentRootPath, ".local", "postgres");
            localServer = await LocalPostgres.StartAsync(
                root,
                searchPath: builder.Configuration["LocalPostgres:SearchPath"],
                debianRoot: builder.Configuration["LocalPostgres:DebianRoot"] ?? LocalPostgres.DefaultDebianRoot);
            await localServer.EnsureDatabaseAsync(DevelopmentDatabaseName);
            connectionString = localServer.ConnectionStringFor(DevelopmentDatabaseName);
            builder.Configuration[$"ConnectionStrings:{ConnectionStringName}"] = connectionString;
            builder.Configuration["LocalPostgres:StartedOnPort"] = localServer.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        builder.Services.AddDbContext<PortalDbContext>(options => options.UsePortalNpgsql(connectionString));
        builder.Services.Configure<DatabaseOptions>(builder.Configuration.GetSection(DatabaseOptions.Section));
        builder.Services.AddScoped<DatabaseStartup>();
        return localServer;
    }

    /// <summary>How often, and for how long at most, a unit of work is tried again after a transient failure.</summary>
    public const int MaxRetryCount = 5;

    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(5);

    /// <summary>
    /// PostgreSQL through Npgsql, retrying transient failures (a restart, a failover, a dropped connection): queries
    /// are retried by EF itself; a unit of work with its own transaction runs through
    /// <c>Database.CreateExecutionStrategy()</c> so the whole unit is tried again (see <see cref="Data.RetryingUnitOfWork"/>).
    /// At most about 20 s of delays in all, so a request still ends well within a proxy's timeout.
    /// </summary>
    public static DbContextOptionsBuilder UsePortalNpgsql(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, npgsql => npgsql
            .MigrationsAssembly(typeof(PortalDbContext).Assembly.FullName)
            .EnableRetryOnFailure(MaxRetryCount, MaxRetryDelay, errorCodesToAdd: null));
}
