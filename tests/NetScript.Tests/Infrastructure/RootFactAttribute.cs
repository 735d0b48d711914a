using System.Diagnostics;

namespace NetScript.Tests;

/// <summary>A fact that needs root on Linux (to mount a small tmpfs or to run a command as
/// another user with setpriv). Elsewhere it is reported as skipped, with the reason.</summary>
public sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute()
    {
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root")
            Skip = "needs root on Linux (mount a tmpfs, switch user with setpriv)";
        else if (!Tmpfs.Permitted)
            Skip = "root may not mount a tmpfs here (a container without CAP_SYS_ADMIN)";
    }
}

/// <summary>A tmpfs of a given size mounted on a new folder; unmounted when disposed.</summary>
public sealed class Tmpfs : IDisposable
{
    public Tmpfs(string size)
    {
        Path = Scripts.TempDirectory();
        var (code, errors) = Run("mount", "-t", "tmpfs", "-o", $"size={size}", "tmpfs", Path);
        if (code != 0) throw new InvalidOperationException($"mount failed: {errors}");
    }

    public string Path { get; }

    public static bool Permitted => s_permitted.Value;

    static readonly Lazy<bool> s_permitted = new(() =>
    {
        try
        {
            using var probe = new Tmpfs("64k");
            return true;
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return false;
        }
    });

    public void Dispose() => Run("umount", "-l", Path);

    public static (int Code, string Errors) Run(string command, params string[] arguments)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        string errors = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, errors);
    }
}
