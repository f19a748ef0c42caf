using System.Diagnostics;
using CyberNormPortal.Web.Hosting;

namespace CyberNormPortal.Web.IntegrationTests.Hosting;

public sealed class DevelopmentDatabaseTests
{
    [Fact]
    public async Task Portal_InDevelopmentWithNoDatabaseAndNoPostgreSqlInstalled_ExitsSayingHowToFixIt()
    {
        var nowhere = Path.Combine(Path.GetTempPath(), $"no-postgres-{Guid.NewGuid():N}");
        var startInfo = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "CyberNormPortal.Web.dll"), "--urls", "http://127.0.0.1:0" },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = AppContext.BaseDirectory,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["ConnectionStrings__Portal"] = "",
                ["LocalPostgres__SearchPath"] = nowhere,
                ["LocalPostgres__DebianRoot"] = nowhere,
                ["LocalPostgres__Directory"] = nowhere,
            },
        };

        using var process = Process.Start(startInfo)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(1, process.ExitCode);
        var message = await error;
        Assert.Contains("apt-get install -y postgresql", message, StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings__Portal", message, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", message + await output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(nowhere));
    }

    [Fact]
    public void FindBinDirectory_FindsServerBinariesOnThePath_OrReturnsNull()
    {
        var bin = Directory.CreateTempSubdirectory("pg-bin-");
        try
        {
            Assert.Null(LocalPostgres.FindBinDirectory(bin.FullName, debianRoot: bin.FullName));

            File.WriteAllText(Path.Combine(bin.FullName, "initdb"), "");
            File.WriteAllText(Path.Combine(bin.FullName, "pg_ctl"), "");

            Assert.Equal(bin.FullName, LocalPostgres.FindBinDirectory($"/nonexistent{Path.PathSeparator}{bin.FullName}", "/nonexistent"));
        }
        finally
        {
            bin.Delete(recursive: true);
        }
    }
}
