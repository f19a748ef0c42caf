using CyberNormPortal.Web.Hosting;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;

namespace CyberNormPortal.Web.IntegrationTests.Hosting;

public sealed class DevelopmentDatabaseTests
{
    [Fact]
    public async Task Portal_InDevelopmentWithNoDatabaseAndNoPostgreSqlInstalled_ExitsSayingHowToFixIt()
    {
        var nowhere = Path.Combine(Path.GetTempPath(), $"no-postgres-{Guid.NewGuid():N}");
        var result = await PortalProcess.RunAsync(
            new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["ConnectionStrings__Portal"] = "",
                ["LocalPostgres__SearchPath"] = nowhere,
                ["LocalPostgres__DebianRoot"] = nowhere,
                ["LocalPostgres__Directory"] = nowhere,
            },
            "--urls",
            "http://127.0.0.1:0");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("apt-get install -y postgresql", result.Error, StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings__Portal", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.Error + result.Output, StringComparison.Ordinal);
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
