namespace CyberNormPortal.Web.Data;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Apply pending migrations at start-up (Development). Production runs the migrate command instead.</summary>
    public bool MigrateOnStartup { get; set; }

    /// <summary>
    /// The database role the portal serves through, when it is not the role that migrates (production): each migration
    /// then grants it row access and no ownership (<see cref="DatabaseRoles"/>). Empty: the migrating role serves too.
    /// </summary>
    public string? AppRole { get; set; }
}
