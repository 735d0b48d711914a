using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace NetScript.Bench;

/// <summary>The REPL's start-up as a user sees it: `tools/netscript repl` in a real terminal
/// (a private tmux server), timed by the REPL itself from process start to its first drawn
/// frame (the "ready in N ms" line). The median of several starts; null without tmux.</summary>
public static class ReplStartup
{
    const string Socket = "netscript-bench";

    public static double? FirstFrameSeconds(string root, int starts)
    {
        string launcher = Path.Combine(root, "tools", "netscript");
        if (Run("tmux", "-V").Code != 0) return null;
        Run(launcher, "--version");   // builds the Release CLI once, outside the timing
        string home = Path.Combine(Path.GetTempPath(), "netscript-bench-repl-" + Environment.ProcessId);
        Directory.CreateDirectory(home);
        var seconds = new List<double>();
        try
        {
            for (int i = 0; i < starts; i++)
            {
                string name = $"start{i}";
                Run("tmux", "-L", Socket, "new-session", "-d", "-s", name, "-x", "120", "-y", "40", "-c", home,
                    $"XDG_STATE_HOME='{home}/state' '{launcher}' repl");
                var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(1);
                Match ready = Match.Empty;
                while (!ready.Success && DateTime.UtcNow < deadline)
                {
                    Thread.Sleep(100);
                    ready = Regex.Match(Run("tmux", "-L", Socket, "capture-pane", "-p", "-J", "-t", name).Out, @"ready in (\d+) ms");
                }
                Run("tmux", "-L", Socket, "kill-session", "-t", name);
                if (ready.Success) seconds.Add(int.Parse(ready.Groups[1].Value, CultureInfo.InvariantCulture) / 1000.0);
                Console.Error.WriteLine($"repl start {i + 1}/{starts}: " + (ready.Success ? $"{seconds[^1]:0.000} s" : "no first frame within a minute"));
            }
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
        return seconds.Count == 0 ? null : seconds.Order().ElementAt(seconds.Count / 2);
    }

    static (int Code, string Out) Run(string file, params string[] args)
    {
        try
        {
            var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (string arg in args) start.ArgumentList.Add(arg);
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            process.StandardError.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output.Result);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return (-1, "");
        }
    }
}
