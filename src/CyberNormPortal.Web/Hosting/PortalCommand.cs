namespace CyberNormPortal.Web.Hosting;

/// <summary>
/// What the executable was asked to do: serve the portal (no command), or run an operator command
/// such as <c>migrate</c> and exit.
/// </summary>
public sealed record PortalCommand(string? Name, string[] HostArguments)
{
    public const string Migrate = "migrate";
    public const string CreateAdmin = "create-admin";
    public const string GenerateData = "generate-data";
    public const string BenchmarkUrls = "benchmark-urls";

    private static readonly string[] Known = [Migrate, CreateAdmin, GenerateData, BenchmarkUrls];

    public bool IsServe => Name is null;

    public static PortalCommand Parse(string[] args) =>
        args.Length > 0 && Known.Contains(args[0], StringComparer.OrdinalIgnoreCase)
            ? Named(args[0].ToLowerInvariant(), args[1..])
            : new PortalCommand(null, args);

    /// <summary>The command's own positional arguments (those before any <c>--option</c>).</summary>
    public IReadOnlyList<string> Arguments { get; private init; } = [];

    private static PortalCommand Named(string name, string[] rest)
    {
        var positional = rest.TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
        return new PortalCommand(name, rest[positional.Length..]) { Arguments = positional };
    }
}
