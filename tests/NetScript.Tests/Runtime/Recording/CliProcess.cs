using System.Diagnostics;

namespace NetScript.Tests.Runtime.Recording;

/// <summary>The CLI (<c>netscript.dll</c> beside the tests) as a child process: started in a
/// folder of its own, optionally as another user (setpriv), so a test can send it signals.</summary>
public sealed class CliProcess : IDisposable
{
    readonly Process _process;
    readonly Task<string> _output, _errors;

    CliProcess(Process process)
    {
        _process = process;
        _output = process.StandardOutput.ReadToEndAsync();
        _errors = process.StandardError.ReadToEndAsync();
    }

    public static string Dll => Path.Combine(AppContext.BaseDirectory, "netscript.dll");

    public int Id => _process.Id;

    /// <summary>Starts <c>netscript ARGS</c> in <paramref name="directory"/>; with
    /// <paramref name="user"/> (a numeric id), as that user and group through setpriv.</summary>
    public static CliProcess Start(string directory, int? user, params string[] args)
    {
        string dotnet = Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";
        var start = new ProcessStartInfo(user is null ? dotnet : "setpriv")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (user is not null)
            foreach (string a in new[] { $"--reuid={user}", $"--regid={user}", "--clear-groups", dotnet }) start.ArgumentList.Add(a);
        start.ArgumentList.Add(Dll);
        foreach (string a in args) start.ArgumentList.Add(a);
        start.Environment["HOME"] = directory;          // another user cannot write root's home
        start.Environment["DOTNET_CLI_HOME"] = directory;
        start.Environment["NETSCRIPT_DEBUG"] = "1";     // no path may end in an unhandled exception either
        return new CliProcess(Process.Start(start)!);
    }

    public void Signal(string signal) => Tmpfs.Run("kill", $"-{signal}", _process.Id.ToString());

    /// <summary>Waits up to three minutes for the process to end; returns its exit code and output.</summary>
    public (int Code, string Output, string Errors) Wait()
    {
        if (!_process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException("netscript did not end in 3 minutes:\n" + _errors.Result);
        }
        return (_process.ExitCode, _output.Result, _errors.Result);
    }

    public bool HasExited => _process.HasExited;

    /// <summary>Polls until <paramref name="condition"/> holds (or the process ends, or three minutes pass).</summary>
    public void WaitUntil(Func<bool> condition, string what)
    {
        var limit = DateTime.UtcNow.AddMinutes(3);
        while (!condition())
        {
            if (_process.HasExited) throw new InvalidOperationException($"netscript ended before {what}:\n{_errors.Result}\n{_output.Result}");
            if (DateTime.UtcNow > limit) throw new TimeoutException($"no {what} in 3 minutes");
            Thread.Sleep(50);
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
