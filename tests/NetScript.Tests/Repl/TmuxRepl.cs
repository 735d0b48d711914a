using System.Diagnostics;

namespace NetScript.Tests.Repl;

/// <summary>`tools/netscript repl` in a real terminal: a private tmux server (so tests never
/// touch a user's sessions), keys sent as a user types them, the screen read back with
/// capture-pane, and the working directory (run folders, history) to inspect afterwards.</summary>
public sealed class TmuxRepl : IDisposable
{
    const string Socket = "netscript-tests";
    static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);
    readonly string _name = "repl-" + Guid.NewGuid().ToString("N")[..8];

    public TmuxRepl(int width, int height, string? environment = null)
    {
        Directory = Scripts.TempDirectory();
        string launcher = Path.Combine(RepoPaths.Root, "tools", "netscript");
        // Build the Release CLI first (once per source change), so the waits below time the REPL only.
        Assert.Equal(0, Run(launcher, "--version").Code);
        var (code, _, errors) = Run("tmux", "-L", Socket, "new-session", "-d", "-s", _name, "-x", $"{width}", "-y", $"{height}", "-c", Directory,
            $"{environment} XDG_STATE_HOME='{Directory}/state' '{launcher}' repl; echo \"exit $?\"; sleep 600");
        Assert.True(code == 0, "tmux failed (.ci/run installs it): " + errors);
        WaitFor(s => s.Contains("ready in", StringComparison.Ordinal), "the prompt");
    }

    /// <summary>The REPL's working directory: `runs/` and `state/` are inside.</summary>
    public string Directory { get; }

    /// <summary>Types each line and presses Enter after it.</summary>
    public void Enter(params string[] lines)
    {
        foreach (string line in lines)
        {
            if (line.Length > 0) Tmux("send-keys", "-t", _name, "-l", line);
            Tmux("send-keys", "-t", _name, "Enter");
        }
    }

    public void Type(string text) => Tmux("send-keys", "-t", _name, "-l", text);

    /// <summary>tmux key names: `C-l`, `F6`, `Enter`.</summary>
    public void Keys(params string[] keys) => Tmux(["send-keys", "-t", _name, .. keys]);

    public string Screen() => Run("tmux", "-L", Socket, "capture-pane", "-p", "-t", _name).Out;

    /// <summary>Where the terminal's cursor is: column and row from 0.</summary>
    public (int X, int Y) Cursor()
    {
        string[] at = Run("tmux", "-L", Socket, "display-message", "-p", "-t", _name, "#{cursor_x} #{cursor_y}").Out.Trim().Split(' ');
        return (int.Parse(at[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(at[1], System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Waits until the screen satisfies <paramref name="ready"/> and returns it.</summary>
    public string WaitFor(Func<string, bool> ready, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        string screen = Screen();
        while (!ready(screen))
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for {what}; the screen:\n{screen}");
            Thread.Sleep(200);
            screen = Screen();
        }
        return screen;
    }

    /// <summary>The output pane's text with its wrapped rows joined back into lines of text.</summary>
    public static string LeftPane(string screen) => string.Concat(screen.Split('\n')
        .Where(row => row.StartsWith('│'))
        .Select(row => row[1..Math.Max(1, row.IndexOf('│', 1))]));

    /// <summary>The one run folder the session made.</summary>
    public string RunFolder() => Assert.Single(System.IO.Directory.GetDirectories(Path.Combine(Directory, "runs")));

    void Tmux(params string[] args) => Assert.Equal(0, Run("tmux", ["-L", Socket, .. args]).Code);

    public static (int Code, string Out, string Err) Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(5)), $"{file} did not finish");
        return (process.ExitCode, output.Result, error.Result);
    }

    public void Dispose() => Run("tmux", "-L", Socket, "kill-session", "-t", _name);
}
