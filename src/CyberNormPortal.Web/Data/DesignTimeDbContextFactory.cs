using CyberNormPortal.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CyberNormPortal.Web.Data;

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build the model without starting the app (and its database).
/// <c>dotnet ef database update</c> uses ConnectionStrings__Portal when set.
/// </summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext(string[] args)
    {
        var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__Portal")
            ?? "Host=localhost;Database=cybernormportal;Username=postgres";
        return Create(connectionString);
    }

    /// <summary>A context outside the app's container, configured exactly as the app configures its own.</summary>
    public static PortalDbContext Create(string connectionString)
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        options.UsePortalNpgsql(connectionString);
        return new PortalDbContext(options.Options);
    }
}
