using System.Diagnostics;

namespace CyberNormPortal.Web.IntegrationTests.Infrastructure;

/// <summary>Runs the built portal as an operator would, as its own process, and waits for it to exit.</summary>
public static class PortalProcess
{
    public sealed record Result(int ExitCode, string Error, string Output);

    public static async Task<Result> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        startInfo.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CyberNormPortal.Web.dll"));
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            startInfo.Environment[name] = value;
        }

        using var process = Process.Start(startInfo)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The portal did not exit: " + await output);
        }

        return new Result(process.ExitCode, await error, await output);
    }
}

/// <summary>The built portal serving on 127.0.0.1 and a free port, as its own process, until disposed.</summary>
public sealed class RunningPortal : IAsyncDisposable
{
    private readonly Process _process;
    private readonly System.Text.StringBuilder _output = new();

    private RunningPortal(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>What the process wrote so far (standard output and error).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<RunningPortal> StartAsync(IReadOnlyDictionary<string, string> environment)
    {
        var port = FreePort();
        var startInfo = new ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        startInfo.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CyberNormPortal.Web.dll"));
        startInfo.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        foreach (var (name, value) in environment)
        {
            startInfo.Environment[name] = value;
        }

        var portal = new RunningPortal(Process.Start(startInfo)!, new Uri($"http://127.0.0.1:{port}"));
        portal._process.OutputDataReceived += (_, e) => portal.Append(e.Data);
        portal._process.ErrorDataReceived += (_, e) => portal.Append(e.Data);
        portal._process.BeginOutputReadLine();
        portal._process.BeginErrorReadLine();

        using var client = new HttpClient { BaseAddress = portal.BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && !portal._process.HasExited)
        {
            try
            {
                using var response = await client.GetAsync("/healthz");
                if (response.IsSuccessStatusCode)
                {
                    return portal;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        await portal.DisposeAsync();
        throw new InvalidOperationException("The portal did not start: " + portal.Output);
    }

    public bool HasExited => _process.HasExited;

    /// <summary>Sends SIGTERM, as a container runtime or systemd stops a service.</summary>
    public void Terminate()
    {
        if (Kill(_process.Id, SigTerm) != 0)
        {
            throw new InvalidOperationException($"SIGTERM could not be sent (errno {System.Runtime.InteropServices.Marshal.GetLastPInvokeError()}).");
        }
    }

    /// <summary>The exit code, once the process has ended by itself within <paramref name="timeout"/>.</summary>
    public async Task<int> ExitCodeAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancellation.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private const int SigTerm = 15;

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
