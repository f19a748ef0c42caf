using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using Npgsql;

namespace CyberNormPortal.Web.Hosting;

/// <summary>
/// A PostgreSQL server run from the server binaries installed on this machine, in a data directory of
/// our own, on a free loopback port. Development uses one that keeps its data between runs; the tests
/// use a throwaway one. Running as root, the binaries are run as the <c>postgres</c> user (PostgreSQL
/// refuses to run as root).
/// </summary>
public sealed class LocalPostgres : IAsyncDisposable
{
    public const string DefaultDebianRoot = "/usr/lib/postgresql";
    private const string ServiceUser = "postgres";
    private readonly string _binDirectory;
    private readonly string _rootDirectory;
    private readonly bool _runAsServiceUser;
    private readonly bool _throwaway;
    private bool _stopped;

    private LocalPostgres(string binDirectory, string rootDirectory, int port, bool throwaway)
    {
        _binDirectory = binDirectory;
        _rootDirectory = rootDirectory;
        _throwaway = throwaway;
        _runAsServiceUser = OperatingSystem.IsLinux() && IsRoot();
        Port = port;
    }

    public int Port { get; }

    public string DataDirectory => Path.Combine(_rootDirectory, "data");

    public string LogFile => Path.Combine(_rootDirectory, "server.log");

    /// <summary>A connection string for <paramref name="database"/> on this server (created on first migration).</summary>
    public string ConnectionStringFor(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = "postgres",
        Database = database,
        // Local trust authentication: this server listens on loopback only and holds no real data.
        Pooling = true,
        IncludeErrorDetail = true,
    }.ConnectionString;

    /// <summary>
    /// Starts a server whose data lives in <paramref name="rootDirectory"/>, creating the cluster on first use.
    /// </summary>
    /// <exception cref="LocalPostgresUnavailableException">No PostgreSQL server binaries were found.</exception>
    public static async Task<LocalPostgres> StartAsync(
        string rootDirectory,
        bool throwaway = false,
        string? searchPath = null,
        string debianRoot = DefaultDebianRoot,
        CancellationToken cancellationToken = default)
    {
        var binDirectory = FindBinDirectory(searchPath ?? Environment.GetEnvironmentVariable("PATH") ?? "", debianRoot)
            ?? throw new LocalPostgresUnavailableException();
        var server = new LocalPostgres(binDirectory, Path.GetFullPath(rootDirectory), FreeLoopbackPort(), throwaway);
        await server.StartCoreAsync(cancellationToken);
        return server;
    }

    /// <summary>
    /// Where <c>initdb</c> and <c>pg_ctl</c> are: on PATH, else the newest <c>/usr/lib/postgresql/*/bin</c>.
    /// </summary>
    public static string? FindBinDirectory(string searchPath, string debianRoot = DefaultDebianRoot)
    {
        foreach (var directory in searchPath.Split(Path.PathSeparator))
        {
            if (directory.Length > 0 && HasServerBinaries(directory))
            {
                // Debian links initdb into /usr/local/bin; resolve to the directory that also holds postgres.
                var initdb = new FileInfo(Path.Combine(directory, "initdb"));
                var target = initdb.ResolveLinkTarget(returnFinalTarget: true);
                return target is FileInfo { DirectoryName: { } resolved } && HasServerBinaries(resolved)
                    ? resolved
                    : directory;
            }
        }

        if (!Directory.Exists(debianRoot))
        {
            return null;
        }

        return Directory.EnumerateDirectories(debianRoot)
            .Select(d => (Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0, Bin: Path.Combine(d, "bin")))
            .Where(x => HasServerBinaries(x.Bin))
            .OrderByDescending(x => x.Version)
            .Select(x => x.Bin)
            .FirstOrDefault();
    }

    /// <summary>Creates <paramref name="database"/> unless it exists, so migrations find it.</summary>
    public async Task EnsureDatabaseAsync(string database, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(ConnectionStringFor("postgres"));
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection)
        {
            Parameters = { new() { Value = database } },
        };
        if (await exists.ExecuteScalarAsync(cancellationToken) is null)
        {
            var quoted = "\"" + database.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            await using var create = new NpgsqlCommand($"CREATE DATABASE {quoted}", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
    }

    /// <summary>
    /// Stops the server the way <c>pg_ctl restart -m fast</c> does (open connections cut, transactions rolled back),
    /// stays down for <paramref name="downtime"/>, and starts it again on the same port; returns once it accepts
    /// connections.
    /// </summary>
    public async Task RestartAsync(TimeSpan downtime, CancellationToken cancellationToken = default)
    {
        await RunAsync("pg_ctl", ["stop", "-D", DataDirectory, "-m", "fast", "-w", "-t", "60"], cancellationToken: cancellationToken);
        await Task.Delay(downtime, cancellationToken);
        await StartCoreAsync(cancellationToken);
    }

    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
        {
            await RunAsync("pg_ctl", ["stop", "-D", DataDirectory, "-m", "fast", "-w", "-t", "60"], throwOnError: false);
        }

        if (_throwaway)
        {
            TryDeleteDirectory(_rootDirectory);
        }
    }

    private static bool HasServerBinaries(string directory) =>
        File.Exists(Path.Combine(directory, "initdb")) && File.Exists(Path.Combine(directory, "pg_ctl"));

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [DllImport("libc", EntryPoint = "geteuid")]
    private static extern uint GetEffectiveUserId();

    private static bool IsRoot()
    {
        try
        {
            return GetEffectiveUserId() == 0;
        }
        catch (DllNotFoundException)
        {
            return Environment.UserName == "root";
        }
    }

    private static void TryDeleteDirectory(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
            // A throwaway directory left behind in the temp folder harms nothing.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private async Task StartCoreAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_rootDirectory);
        if (_runAsServiceUser)
        {
            await RunToolAsync("chown", ["-R", $"{ServiceUser}:{ServiceUser}", _rootDirectory], cancellationToken);
        }

        if (!File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
        {
            await RunAsync(
                "initdb",
                ["-D", DataDirectory, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-instructions"],
                cancellationToken: cancellationToken);
        }
        else if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
        {
            // A previous run ended without stopping its server: stop it (pg_ctl clears a stale pid file itself).
            await RunAsync("pg_ctl", ["stop", "-D", DataDirectory, "-m", "fast", "-w", "-t", "30"], throwOnError: false, cancellationToken: cancellationToken);
        }

        var options = new StringBuilder()
            .Append($"-p {Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' ")
            .Append("-c max_connections=200 ");
        if (_throwaway)
        {
            // Durability is worthless for a database thrown away after the run; speed is not.
            options.Append("-c fsync=off -c synchronous_commit=off -c full_page_writes=off ");
        }

        await RunAsync(
            "pg_ctl",
            ["start", "-D", DataDirectory, "-l", LogFile, "-w", "-t", "60", "-o", options.ToString()],
            cancellationToken: cancellationToken);
    }

    private Task RunAsync(
        string tool, IReadOnlyList<string> arguments, bool throwOnError = true, CancellationToken cancellationToken = default)
    {
        var executable = Path.Combine(_binDirectory, tool);
        return _runAsServiceUser
            ? RunToolAsync("runuser", ["-u", ServiceUser, "--", executable, .. arguments], cancellationToken, throwOnError)
            : RunToolAsync(executable, arguments, cancellationToken, throwOnError);
    }

    private static async Task RunToolAsync(
        string fileName, IReadOnlyList<string> arguments, CancellationToken cancellationToken, bool throwOnError = true)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // Run from a directory the postgres user can read.
            WorkingDirectory = "/",
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"Could not start {fileName}.");
        // With -l the server writes to its log file, so these pipes close when the tool exits.
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var text = (await output + await error).Trim();
        if (process.ExitCode != 0 && throwOnError)
        {
            throw new InvalidOperationException(
                $"{Path.GetFileName(fileName)} {string.Join(' ', arguments)} failed with exit code {process.ExitCode}: {text}");
        }
    }
}

/// <summary>No PostgreSQL server binaries were found for the development database.</summary>
public sealed class LocalPostgresUnavailableException() : Exception(
    """
    No PostgreSQL server was found to start for development, and no connection string is configured.
    Either install the PostgreSQL server (Debian/Ubuntu: sudo apt-get install -y postgresql; macOS: brew install postgresql@15),
    or point the portal at a PostgreSQL you run yourself:
      export ConnectionStrings__Portal="Host=localhost;Database=cybernormportal;Username=...;Password=..."
    """);
