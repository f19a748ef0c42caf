using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Hosting;

var command = PortalCommand.Parse(args);
var builder = WebApplication.CreateBuilder(command.HostArguments);
builder.AddPortalLogging();

LocalPostgres? localPostgres;
try
{
    localPostgres = await builder.AddPortalDatabaseAsync();
}
catch (LocalPostgresUnavailableException exception)
{
    await Console.Error.WriteLineAsync(exception.Message);
    return 1;
}

await using var developmentDatabase = localPostgres;
builder.AddPortalWeb();
var app = builder.Build();

try
{
    using var scope = app.Services.CreateScope();
    await scope.ServiceProvider.GetRequiredService<DatabaseStartup>()
        .RunAsync(migrate: command.Name == PortalCommand.Migrate);
}
catch (PendingMigrationsException exception)
{
    // An operator's mistake, not a crash: say what to run and exit non-zero.
    await Console.Error.WriteLineAsync(exception.Message);
    return 2;
}

if (!command.IsServe)
{
    return 0;
}

app.UsePortal();
app.LogWhereToOpen(developmentDatabase);
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program;
