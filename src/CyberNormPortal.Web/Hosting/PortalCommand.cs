namespace CyberNormPortal.Web.Hosting;

/// <summary>
/// What the executable was asked to do: serve the portal (no command), or run an operator command
/// such as <c>migrate</c> and exit.
/// </summary>
public sealed record PortalCommand(string? Name, string[] HostArguments)
{
    public const string Migrate = "migrate";

    private static readonly string[] Known = [Migrate];

    public bool IsServe => Name is null;

    public static PortalCommand Parse(string[] args) =>
        args.Length > 0 && Known.Contains(args[0], StringComparer.OrdinalIgnoreCase)
            ? new PortalCommand(args[0].ToLowerInvariant(), args[1..])
            : new PortalCommand(null, args);
}
