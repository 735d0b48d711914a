using System.Diagnostics;
using System.Text.RegularExpressions;

namespace NetScript.Tests.Repl;

/// <summary>The REPL as a user meets it: `tools/netscript repl` in a real terminal (tmux),
/// a pipeline typed key by key, the screen read back with capture-pane.</summary>
[Collection(TorchCollection.Name)]
public sealed class TmuxEndToEndTests
{
    // A private tmux server, so the test never touches a user's sessions.
    const string Socket = "netscript-tests";

    static readonly string[] Pipeline =
    [
        "seed 42",
        "load dataset \"spiral\" classes=3 points=100 as spiral",
        "split spiral into train=0.8 val=0.2 stratify",
        "preprocess { standardize }",
        "model mlp {",
        "dense 64 -> relu",
        "dense 3",
        "}",
        "optimizer adam lr=0.01",
        "train mlp on train epochs=60 batch=16 validate=val",
        "evaluate mlp on val",
    ];

    [TmuxFact]
    public void Types_a_pipeline_into_the_repl_and_watches_it_train()
    {
        string cwd = Scripts.TempDirectory();
        string launcher = Path.Combine(RepoPaths.Root, "tools", "netscript");
        // Build the Release CLI first (once per source change), so the waits below time the REPL only.
        Assert.Equal(0, Run(launcher, "--version").Code);
        string name = "repl-" + Guid.NewGuid().ToString("N")[..8];
        var (code, _, errors) = Run("tmux", "-L", Socket, "new-session", "-d", "-s", name, "-x", "100", "-y", "30", "-c", cwd,
            $"XDG_STATE_HOME='{cwd}/state' '{launcher}' repl");
        Assert.True(code == 0, "tmux failed (.ci/run installs it): " + errors);
        try
        {
            WaitForScreen(name, s => s.Contains("ready in", StringComparison.Ordinal), "the prompt");
            foreach (string line in Pipeline)
            {
                Tmux("send-keys", "-t", name, "-l", line);
                Tmux("send-keys", "-t", name, "Enter");
            }
            string screen = WaitForScreen(name, s => LeftPane(s).Contains("(60 samples)", StringComparison.Ordinal), "the evaluation");

            // The statistics pane: a finished run and its per-epoch table ending with epoch 60.
            Assert.Contains("mlp on train · epoch 60/60", screen);
            Assert.Contains("100% ·", screen);
            Assert.Matches(@"epoch│loss\s*│acc\s*│val_loss│val_acc", screen);
            Assert.Matches(@"│60\s*│\d\.\d{4}│\d\.\d{4}│\d\.\d{4}\s*│\d\.\d{4}", screen);
            // The final metric, in the output pane: a 64-unit MLP separates the spiral.
            var evaluation = Regex.Match(LeftPane(screen), @"evaluate mlp on val: val loss ([\d.]+), val accuracy ([\d.]+) \(60 samples\)");
            Assert.True(evaluation.Success, LeftPane(screen) + "\n" + screen);
            Assert.InRange(double.Parse(evaluation.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), 0.9, 1.0);
            Assert.Contains("data: spiral train val │ models: mlp │ idle", screen);

            Tmux("send-keys", "-t", name, "-l", ":quit");
            Tmux("send-keys", "-t", name, "Enter");
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
            while (Run("tmux", "-L", Socket, "has-session", "-t", name).Code == 0)
            {
                Assert.True(DateTime.UtcNow < deadline, ":quit did not end the REPL\n" + Capture(name));
                Thread.Sleep(100);
            }
            Assert.Contains("train mlp on train epochs=60 batch=16 validate=val", File.ReadAllText(Path.Combine(cwd, "state", "netscript", "history")));
        }
        finally
        {
            Run("tmux", "-L", Socket, "kill-session", "-t", name);
        }
    }

    /// <summary>The output pane's text with its wrapped rows joined back into lines of text.</summary>
    static string LeftPane(string screen) => string.Concat(screen.Split('\n')
        .Where(row => row.StartsWith('│'))
        .Select(row => row[1..Math.Max(1, row.IndexOf('│', 1))]));

    static string WaitForScreen(string name, Func<string, bool> ready, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        string screen = Capture(name);
        while (!ready(screen))
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for {what}; the screen:\n{screen}");
            Thread.Sleep(200);
            screen = Capture(name);
        }
        return screen;
    }

    static string Capture(string name) => Run("tmux", "-L", Socket, "capture-pane", "-p", "-t", name).Out;

    static void Tmux(params string[] args) => Assert.Equal(0, Run("tmux", ["-L", Socket, .. args]).Code);

    static (int Code, string Out, string Err) Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(5)), $"{file} did not finish");
        return (process.ExitCode, output.Result, error.Result);
    }
}
