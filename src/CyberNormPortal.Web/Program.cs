using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Data.Seeding;
using CyberNormPortal.Web.Hosting;
using CyberNormPortal.Web.Identity;

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
builder.AddPortalIdentity();
builder.AddPortalRateLimiting();
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

if (command.Name == PortalCommand.CreateAdmin)
{
    using var scope = app.Services.CreateScope();
    return await scope.ServiceProvider.GetRequiredService<CreateAdministratorCommand>()
        .RunAsync(command.Arguments, Console.Out, Console.Error);
}

if (command.Name == PortalCommand.GenerateData)
{
    using var scope = app.Services.CreateScope();
    var perCell = command.Arguments.Count > 0 && int.TryParse(command.Arguments[0], out var n) && n > 0 ? n : 15;
    return await scope.ServiceProvider.GetRequiredService<BenchmarkDataGenerator>().RunAsync(perCell, Console.Out);
}

if (command.Name == PortalCommand.BenchmarkUrls)
{
    using var scope = app.Services.CreateScope();
    var directory = command.Arguments.Count > 0 ? command.Arguments[0] : "benchmark-urls";
    return await scope.ServiceProvider.GetRequiredService<BenchmarkWorkloads>().WriteAsync(directory, Console.Out);
}

if (!command.IsServe)
{
    return 0;
}

if (app.Environment.IsDevelopment())
{
    using var scope = app.Services.CreateScope();
    await scope.ServiceProvider.GetRequiredService<DemoAccounts>().SeedAsync();
}

app.UsePortal();
app.LogWhereToOpen(developmentDatabase);
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program;
