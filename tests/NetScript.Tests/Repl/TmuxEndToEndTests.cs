using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace NetScript.Tests.Repl;

/// <summary>The REPL as a user meets it: `tools/netscript repl` in a real terminal (tmux),
/// statements typed key by key, the screen and the run folder read back.</summary>
[Collection(TorchCollection.Name)]
public sealed class TmuxEndToEndTests
{
    static readonly string[] Data =
    [
        "seed 42",
        "load dataset \"spiral\" classes=3 points=100 as spiral",
        "split spiral into train=0.8 val=0.2 stratify",
    ];

    static readonly string[] Model = ["model mlp {", "dense 64 -> relu", "dense 3", "}"];

    const string LongTraining = "train mlp on train epochs=100000 batch=8";

    [TmuxFact]
    public void Types_a_pipeline_into_the_repl_and_watches_it_train()
    {
        using var repl = new TmuxRepl(100, 30);
        repl.Enter([.. Data, "preprocess { standardize }", .. Model, "optimizer adam lr=0.01",
            "train mlp on train epochs=60 batch=16 validate=val", "evaluate mlp on val"]);
        string screen = repl.WaitFor(s => TmuxRepl.LeftPane(s).Contains("(60 samples)", StringComparison.Ordinal), "the evaluation");

        // The statistics pane: a finished run and its per-epoch table ending with epoch 60.
        Assert.Contains("mlp on train · epoch 60/60", screen);
        Assert.Contains("done · 100%", screen);
        Assert.Matches(@"epoch│loss\s*│acc\s*│val_loss│val_acc", screen);
        Assert.Matches(@"│60\s*│\d\.\d{4}│\d\.\d{4}│\d\.\d{4}\s*│\d\.\d{4}", screen);
        // The final metric, in the output pane: a 64-unit MLP separates the spiral.
        var evaluation = Regex.Match(TmuxRepl.LeftPane(screen), @"evaluate mlp on val: val loss ([\d.]+), val accuracy ([\d.]+) \(60 samples\)");
        Assert.True(evaluation.Success, screen);
        Assert.InRange(double.Parse(evaluation.Groups[2].Value, CultureInfo.InvariantCulture), 0.9, 1.0);
        Assert.Contains("idle │ models: mlp │ data: spiral train val", screen);

        repl.Enter(":quit");
        repl.WaitFor(s => s.Contains("exit 0", StringComparison.Ordinal), ":quit ending the REPL");
        Assert.Contains("train mlp on train epochs=60 batch=16 validate=val", File.ReadAllText(Path.Combine(repl.Directory, "state", "netscript", "history")));
    }

    [TmuxFact]
    public void Ctrl_L_clears_the_output_and_no_TextView_key_leaks_or_ends_the_session()
    {
        using var repl = new TmuxRepl(80, 24);
        repl.Enter("seed 5");
        repl.WaitFor(s => s.Contains("ok (", StringComparison.Ordinal), "seed to run");
        repl.Keys("C-l");                                   // at an empty prompt: used to end the REPL (exit 70)
        string screen = repl.WaitFor(s => !s.Contains("› seed 5", StringComparison.Ordinal), "the output pane to clear");
        Assert.DoesNotContain("NS0999", screen);
        repl.Type("seed 6");
        repl.WaitFor(s => s.Contains("│seed 6", StringComparison.Ordinal), "the typed text");
        repl.Keys("C-l");                                   // with text: used to open "Pick an Attribute"
        repl.Keys("C-o", "C-k", "C-w", "C-t", "C-a");       // other TextView bindings: swallowed
        repl.Type("1");
        screen = repl.WaitFor(s => s.Contains("│seed 61", StringComparison.Ordinal), "the keys to be handled");
        Assert.DoesNotContain("Attribute", screen);
        repl.Keys("C-c");                                   // Ctrl+C at the prompt clears the input
        screen = repl.WaitFor(s => !s.Contains("seed 61", StringComparison.Ordinal), "Ctrl+C to clear the input");
        // The session is intact: the seed from before Ctrl-L is still set.
        repl.Enter(":summary");
        repl.Enter("threads 1");
        screen = repl.WaitFor(s => TmuxRepl.LeftPane(s).Contains("› threads 1", StringComparison.Ordinal)
            && Regex.IsMatch(TmuxRepl.LeftPane(s), @"threads 1\s*ok"), "a statement after the keys");
        Assert.DoesNotContain("exit ", screen);
    }

    [TmuxFact]
    public void Ctrl_C_stops_training_Ctrl_R_finds_history_and_Ctrl_Q_asks_before_stopping_a_run()
    {
        using var repl = new TmuxRepl(120, 40);
        repl.Enter([.. Data, .. Model, LongTraining]);
        repl.WaitFor(s => Regex.IsMatch(s, @"│[1-9]\d*\s*│\d\.\d{4}"), "the first epoch");
        repl.Keys("C-c");
        string screen = repl.WaitFor(s => TmuxRepl.LeftPane(s).Contains("NS1105", StringComparison.Ordinal), "Ctrl+C to stop the training");
        Assert.Matches(@"training of `mlp` stopped after \d+ of 100000 epochs", TmuxRepl.LeftPane(screen));
        Assert.Contains("idle", screen.Split('\n')[^3]);

        repl.Keys("C-r");
        repl.Type("100000");
        screen = repl.WaitFor(s => s.Contains("(history search)`100000`", StringComparison.Ordinal), "the history search");
        repl.Keys("Enter");                                 // keeps the match in the input (it does not run it)
        repl.Keys("C-e");                                   // not an editing key: swallowed
        repl.Type(" shuffle=false");
        repl.Keys("Enter");                                 // runs the found statement, edited
        repl.WaitFor(s => s.Contains("running: train mlp on train epochs=100000 batch=8 shuffle=false", StringComparison.Ordinal), "the recalled training");
        repl.WaitFor(s => Regex.IsMatch(s, @"│[1-9]\d*\s*│\d\.\d{4}"), "an epoch of the recalled training");

        repl.Keys("C-q");
        screen = repl.WaitFor(s => s.Contains("Ctrl+Q again stops it and quits", StringComparison.Ordinal), "Ctrl+Q to ask");
        Assert.DoesNotContain("exit ", screen);
        repl.Keys("C-q");
        repl.WaitFor(s => s.Contains("exit 0", StringComparison.Ordinal), "the second Ctrl+Q to quit");

        // Both stopped trainings are recorded as they ran.
        string folder = repl.RunFolder();
        string script = File.ReadAllText(Path.Combine(folder, "script.nns"));
        Assert.Matches(@"# stopped by the user after \d+ epochs?.*\ntrain mlp on train epochs=\d+ batch=8\n", script);
        Assert.Matches(@"train mlp on train epochs=\d+ batch=8 shuffle=false\n", script);
        Assert.DoesNotContain("epochs=100000", script);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "summary.json")));
        var mlp = summary.RootElement.GetProperty("Training").GetProperty("mlp");
        Assert.Equal(100000, mlp.GetProperty("Epochs").GetInt32());
        Assert.InRange(mlp.GetProperty("EpochsRun").GetInt32(), 1, 99999);
    }

    [TmuxFact]
    public void The_run_folder_records_the_session_as_it_happens_and_save_writes_what_ran()
    {
        using var repl = new TmuxRepl(140, 45);
        repl.Enter([.. Data, .. Model, "train mlp on train epochs=3 batch=16 validate=val"]);
        repl.WaitFor(s => s.Contains("trained mlp in", StringComparison.Ordinal), "the training");
        string folder = repl.RunFolder();
        // Written while the REPL still runs, after each submission: every statement, and the training's results.
        string script = WaitForFile(Path.Combine(folder, "script.nns"), "train mlp on train epochs=3");
        Assert.Contains("seed 42\nload dataset \"spiral\" classes=3 points=100 as spiral\n", script);
        Assert.Contains("model mlp {\ndense 64 -> relu\ndense 3\n}\ntrain mlp on train epochs=3 batch=16 validate=val\n", script);
        using (var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "summary.json"))))
            Assert.Equal(3, summary.RootElement.GetProperty("Training").GetProperty("mlp").GetProperty("EpochsRun").GetInt32());
        repl.Enter(":runs");
        repl.WaitFor(s => Regex.IsMatch(TmuxRepl.LeftPane(s), @"session\s*mlp: acc \d\.\d{4}, val_acc \d\.\d{4}"), ":runs to list the training");
        repl.Enter(":compare");
        repl.WaitFor(s => Regex.IsMatch(TmuxRepl.LeftPane(s), @"mlp\s+3\s+\d\.\d{4}"), ":compare to tabulate the session's training");
        Assert.True(File.Exists(Path.Combine(folder, "compare-val_accuracy.png")), ":compare writes its plot into the session's run folder");

        repl.Enter(LongTraining);
        repl.WaitFor(s => s.Contains("running: train mlp on train epochs=100000", StringComparison.Ordinal)
            && Regex.IsMatch(s, @"mlp on train · epoch ([2-9]|\d\d+)/100000"), "a few epochs");
        repl.Keys("F6");
        repl.WaitFor(s => TmuxRepl.LeftPane(s).Contains("NS1105", StringComparison.Ordinal), "F6 to stop");
        repl.Enter(":save again.nns");
        // The typed command echoes "again.nns" too: wait for the confirmation (after the stopped training ends).
        repl.WaitFor(s => Regex.IsMatch(TmuxRepl.LeftPane(s), @"saved \d+ statements? to \S*again\.nns"), ":save");
        string saved = File.ReadAllText(Path.Combine(repl.Directory, "again.nns"));
        var epochs = Regex.Match(saved, @"train mlp on train epochs=(\d+) batch=8");
        Assert.True(epochs.Success, saved);
        Assert.InRange(int.Parse(epochs.Groups[1].Value, CultureInfo.InvariantCulture), 1, 99999);
        Assert.Contains("# stopped by the user after", saved);
    }

    [TmuxFact]
    public void A_name_alone_shows_it_clear_empties_the_pane_and_reset_starts_over_at_80x24()
    {
        using var repl = new TmuxRepl(80, 24);
        repl.Enter([.. Data, "preprocess { standardize }", .. Model, "train mlp on train epochs=2 batch=16"]);
        repl.WaitFor(s => s.Contains("trained mlp in", StringComparison.Ordinal), "the training");
        repl.Enter("mlp");
        string screen = repl.WaitFor(s => TmuxRepl.LeftPane(s).Contains("total 387 parameters", StringComparison.Ordinal), "the model's table");
        Assert.Contains("model `mlp` (line 1 of <repl:5>) on `train`", TmuxRepl.LeftPane(screen));
        repl.Enter("spiral");
        repl.WaitFor(s => TmuxRepl.LeftPane(s).Contains("dataset spiral: 300 rows of [2], 3 classes, preprocessed", StringComparison.Ordinal), "the dataset");

        repl.Enter(":clear");
        screen = repl.WaitFor(s => !TmuxRepl.LeftPane(s).Contains("dataset spiral", StringComparison.Ordinal), ":clear");
        Assert.DoesNotContain("› ", TmuxRepl.LeftPane(screen));
        Assert.Contains("idle │ models: mlp │ data: spiral train val", screen);

        repl.Enter(":reset");
        screen = repl.WaitFor(s => s.Contains("idle │ models: none │ data: none", StringComparison.Ordinal), ":reset");
        Assert.Contains("reset: forgot datasets spiral train val, model mlp, the preprocessing (standardize); the session starts over", TmuxRepl.LeftPane(screen));
        repl.Enter("spiral");                                 // no longer a name: a statement, and an error
        repl.WaitFor(s => TmuxRepl.LeftPane(s).Contains("error NS", StringComparison.Ordinal), "spiral to be unknown");
        string record = WaitForFile(Path.Combine(repl.RunFolder(), "script.nns"), "# :reset: the session forgot everything above");
        Assert.Contains("train mlp on train epochs=2 batch=16\n# :reset", record);
    }

    [TmuxFact]
    public void A_search_at_the_prompt_shows_its_leaderboard_live_and_counts_trials_in_the_status_line_at_80x24()
    {
        using var repl = new TmuxRepl(80, 24);
        // Enter goes on past the search block to the trial's `train` line, which runs it all.
        repl.Enter([.. Data, "search random trials=3 maximize=val_acc {", "lr = loguniform(1e-3, 1e-1)", "}",
            .. Model, "optimizer adam lr=$lr", "train mlp on train epochs=3 batch=16 validate=val"]);
        string screen = repl.WaitFor(s => s.Contains("done · 3/3 trials", StringComparison.Ordinal), "the search to end");
        Assert.Contains("search random · maximizing val_acc", screen);
        Assert.Matches(@"trial\s*│lr\s*│val_acc\s*│state", screen);
        // Three rows, best first.
        var rows = Regex.Matches(screen, @"│([0-2])\s*│[\d.e+-]+\s*│(\d\.\d{4})\s*│done").ToList();
        Assert.Equal(3, rows.Count);
        Assert.Equal(["0", "1", "2"], rows.Select(r => r.Groups[1].Value).Order());
        var scores = rows.Select(r => double.Parse(r.Groups[2].Value, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(scores.OrderByDescending(x => x), scores);

        // A search still running: the trials that finished are in the table, the status line
        // counts them, and Ctrl+C stops the search with the table kept.
        repl.Enter("search grid maximize=val_acc {", "epochs = choice(2, 3, 100000)", "}", "train mlp on train epochs=$epochs batch=16 validate=val");
        // The status line and the leaderboard's title are drawn by separate updates: wait for both.
        screen = repl.WaitFor(s => s.Split('\n')[^3].Contains("2/3 trials", StringComparison.Ordinal)
                                   && s.Contains("running · 2/3 trials", StringComparison.Ordinal), "two trials counted in the status line and the table");
        Assert.StartsWith(" running: search grid", screen.Split('\n')[^3]);
        // F5 does not pause a search, so the key line does not offer it.
        Assert.DoesNotContain("F5", screen.Split('\n')[^2]);
        Assert.Contains("^C stop", screen.Split('\n')[^2]);
        Assert.Contains("running · 2/3 trials", screen);
        Assert.Matches(@"│0\s*│2\s*│\d\.\d{4}\s*│done", screen);
        Assert.Matches(@"│1\s*│3\s*│\d\.\d{4}\s*│done", screen);
        repl.Keys("C-c");
        screen = repl.WaitFor(s => s.Contains("stopped · 2/3 trials", StringComparison.Ordinal), "Ctrl+C to stop the search");
        Assert.Contains("idle", screen.Split('\n')[^3]);
        Assert.Matches(@"│0\s*│2\s*│\d\.\d{4}\s*│done", screen);
    }

    [TmuxFact]
    public void A_line_longer_than_the_input_wraps_keeps_the_cursor_at_its_end_and_runs_whole_at_80x24()
    {
        using var repl = new TmuxRepl(80, 24);
        const string statement = "load dataset \"spiral\" classes=3 points=120 noise=0.1 as a_long_dataset_name_for_wrapping";
        repl.Type(statement);
        string screen = repl.WaitFor(s => s.Contains("wrapping", StringComparison.Ordinal), "the typed line");
        // The input box (40 columns inside its frame) holds the whole line in rows, start to end.
        string[] rows = InputWrapTests.InputRows(screen);
        Assert.Equal(statement, string.Concat(rows).TrimEnd());
        Assert.StartsWith("load dataset", rows[0]);
        // The terminal's cursor stands after the last character, on the row it wrapped to.
        int row = Array.FindIndex(screen.Split('\n'), r => r.Contains("Input", StringComparison.Ordinal)) + 1 + statement.Length / 40;
        Assert.Equal((1 + statement.Length % 40, row), repl.Cursor());
        repl.Keys("Home");
        repl.Type("# ");
        screen = repl.WaitFor(s => InputWrapTests.InputRows(s)[0].StartsWith("# load dataset", StringComparison.Ordinal), "Home to go to the line's start");
        Assert.Equal("# " + statement, string.Concat(InputWrapTests.InputRows(screen)).TrimEnd());
        repl.Keys("C-c");
        repl.Type(statement);
        repl.Keys("Enter");
        repl.WaitFor(s => TmuxRepl.LeftPane(s).Contains("360 rows", StringComparison.Ordinal), "the statement to run");
    }

    static string WaitForFile(string path, string content)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(1);
        string text = File.ReadAllText(path);
        while (!text.Contains(content, StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline, $"{path} never held `{content}`:\n{text}");
            Thread.Sleep(200);
            text = File.ReadAllText(path);
        }
        return text;
    }

    [TmuxFact]
    public void A_shape_error_found_at_train_quotes_the_model_block_it_belongs_to()
    {
        using var repl = new TmuxRepl(140, 45);
        repl.Enter([.. Data, "model m5 {", "dense 16 -> relu", "conv 8 kernel=3", "dense 3", "}", "train m5 on train epochs=1 loss=cross_entropy"]);
        string screen = repl.WaitFor(s => TmuxRepl.LeftPane(s).Contains("error NS0302", StringComparison.Ordinal), "the shape error");
        string left = string.Join("\n", screen.Split('\n').Where(r => r.StartsWith('│')).Select(r => r[1..Math.Max(1, r.IndexOf('│', 1))].TrimEnd()));
        // The model was submission 4 (line 3 of it is the conv); the train line is submission 5.
        Assert.Matches(@"<repl:4>:3:1: error NS0302: `conv1` cannot take input of shape \[16\]", left);
        Assert.Matches(@" 3 \| conv 8 kernel=3\s*\n\s+\| \^+", left);
        Assert.DoesNotContain("train m5 on train epochs=1 loss=cross_entropy\n   |", left);
    }

    [Theory]
    [InlineData(80, 24)]
    [InlineData(120, 40)]
    public void The_layout_keeps_the_status_the_run_state_and_the_update_ratio_at(int width, int height)
    {
        using var repl = new TmuxRepl(width, height);
        repl.Enter([.. Data, .. Model, LongTraining]);
        // At 40 rows the chart is drawn once it has a point: wait for it too (under load it can lag the epoch row).
        string screen = repl.WaitFor(s => s.Contains("upd/w", StringComparison.Ordinal) && Regex.IsMatch(s, @"│[1-9]\d*\s*│\d\.\d{4}")
            && (height < 40 || Regex.IsMatch(s, @"\d\.\d┤")), "the layer table and an epoch");
        string[] rows = screen.TrimEnd('\n').Split('\n');
        Assert.Equal(height, rows.Length);
        Assert.All(rows, r => Assert.True(r.Length <= width, r));
        Assert.StartsWith(" running: train mlp on train", rows[^2]);
        Assert.Contains("^Q quit", rows[^1]);
        Assert.Contains("running · ", screen);                            // the run state leads its line
        Assert.Matches(@"layer\s*│.*upd/w", screen);
        Assert.Matches(@"dense1\s*│.*│\d", screen);
        // The chart needs rows: hidden at 24, drawn at 40 (its glyphs are `·` and `+`).
        bool chart = Regex.IsMatch(screen, @"\d\.\d┤");              // a y-axis label
        Assert.Equal(chart, screen.Contains("chart: · loss  + accuracy", StringComparison.Ordinal));

        Assert.Equal(height >= 40, chart);
        repl.Keys("F6");
        repl.WaitFor(s => s.Contains("NS1105", StringComparison.Ordinal), "F6 to stop");
    }
}
