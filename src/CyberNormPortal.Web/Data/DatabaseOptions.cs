namespace CyberNormPortal.Web.Data;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Apply pending migrations at start-up (Development). Production runs the migrate command instead.</summary>
    public bool MigrateOnStartup { get; set; }
}
