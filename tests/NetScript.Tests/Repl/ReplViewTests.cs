using NetScript.Hosting.Interactive;
using Terminal.Gui.Input;

namespace NetScript.Tests.Repl;

/// <summary>The real views, driven headless: layout at 80×24 and the keys a user presses.</summary>
[Collection(TorchCollection.Name)]
public sealed class ReplViewTests
{
    internal const string Data = "seed 42\nload dataset \"spiral\" classes=3 points=50 as spiral\nsplit spiral into train=0.8 val=0.2 stratify\n";

    [Fact]
    public void Lays_out_every_pane_and_the_key_line_at_80x24()
    {
        using var repl = new HeadlessRepl(80, 24);
        string[] rows = repl.Screen().Split('\n');
        Assert.Equal(24, rows.Length);
        Assert.Contains("NetScript", rows[0]);
        Assert.Contains("Training", rows[0]);
        Assert.Contains(rows, r => r.Contains("Input", StringComparison.Ordinal));
        Assert.Contains("idle │ models: none │ data: none", rows[22]);
        Assert.Equal(" Enter │ Tab │ ↑↓ ^R │ F5 pause │ ^C stop │ ^L clear │ F1 help │ ^Q quit", rows[23].TrimEnd());
        Assert.Contains("epoch│loss│acc│val_loss│val_acc", repl.Screen().Replace(" ", ""));
    }

    [Fact]
    public void Scales_to_a_large_terminal()
    {
        using var repl = new HeadlessRepl(200, 60);
        string[] rows = repl.Screen().Split('\n');
        Assert.Equal(60, rows.Length);
        Assert.Contains("^Q quit", rows[59]);
        // The output pane takes half the width; the statistics pane starts right after it.
        Assert.Equal(100, rows[0].IndexOf("╭┤Training", StringComparison.Ordinal));
    }

    [Fact]
    public void Enter_runs_a_statement_and_shows_the_result()
    {
        using var repl = new HeadlessRepl();
        repl.Type("seed 7");
        repl.Press(Key.Enter);
        repl.Settle();
        Assert.Contains("› seed 7", repl.Output);
        Assert.Matches(@"ok \(\d+ ms\)", repl.Output);
        Assert.Equal("", repl.View.Input.Text);
        Assert.Equal(7, repl.Session.Runner.Session.Symbols.Seed);
    }

    [Fact]
    public void Enter_inside_an_open_block_continues_on_a_new_line()
    {
        using var repl = new HeadlessRepl();
        repl.Type("model m {");
        repl.Press(Key.Enter);
        repl.Type("dense 3");
        Assert.Equal("model m {\ndense 3", repl.View.Input.Text.Replace("\r\n", "\n"));
        Assert.DoesNotContain("›", repl.Output);
        repl.Press(Key.Enter);
        repl.Type("}");
        repl.Press(Key.Enter);
        repl.Settle();
        Assert.Contains("› model m {", repl.Output);
        Assert.True(repl.Session.Runner.Session.Symbols.Models.ContainsKey("m"));
    }

    [Fact]
    public void A_checker_error_shows_the_caret_under_the_typed_text()
    {
        using var repl = new HeadlessRepl();
        repl.Type("model m { dens 3 }");
        repl.Press(Key.Enter);
        repl.Settle();
        Assert.Contains("<repl:1>:1:11: error NS0104: unknown layer `dens`; did you mean `dense`?\n 1 | model m { dens 3 }\n   |           ^^^^", repl.Output);
    }

    [Fact]
    public void Up_and_Down_browse_the_history_and_come_back_to_the_draft()
    {
        using var repl = new HeadlessRepl();
        repl.Type("seed 1");
        repl.Press(Key.Enter);
        repl.Settle();
        repl.Type("seed 2");
        repl.Press(Key.Enter);
        repl.Settle();
        repl.Type("threads");
        repl.Press(Key.CursorUp);
        Assert.Equal("seed 2", repl.View.Input.Text);
        repl.Press(Key.CursorUp);
        Assert.Equal("seed 1", repl.View.Input.Text);
        repl.Press(Key.CursorDown);
        repl.Press(Key.CursorDown);
        Assert.Equal("threads", repl.View.Input.Text);
    }

    [Fact]
    public void Tab_completes_keywords_symbols_and_argument_names()
    {
        using var repl = new HeadlessRepl();
        repl.Type(Data);
        repl.Settle();
        repl.Type("trai");                      // `tra` is also `transfer`
        repl.Press(Key.Tab);
        Assert.Equal("train ", repl.View.Input.Text);  // a unique completion ends the word
        repl.Type("mlp on sp");                    // no model yet (and `m` would be `metrics=`)
        repl.Press(Key.Tab);
        repl.Type("epo");
        repl.Press(Key.Tab);
        Assert.Equal("train mlp on spiral epochs=", repl.View.Input.Text);
        repl.Type("1 s");
        repl.Press(Key.Tab);                       // several candidates: listed in the status line
        Assert.Contains("Tab: ", repl.Screen().Split('\n')[^2]);
        Assert.Contains("shuffle", repl.Session.Prompt);
        Assert.DoesNotContain("shuffle", repl.Output);
    }

    [Fact]
    public void F5_pauses_and_resumes_training_and_F6_stops_it_keeping_the_model()
    {
        using var repl = new HeadlessRepl();
        repl.DefineMlp(Data);
        repl.Type("train mlp on train epochs=100000 batch=8");
        repl.Press(Key.Enter);
        repl.WaitFor(() => repl.Session.Runner.Monitor.Training is { History.Count: > 0 }, "the first epoch");

        repl.Press(Key.F5);
        Assert.True(repl.Session.Runner.IsPaused);
        Assert.Equal(JobState.Paused, repl.Session.Runner.Monitor.Training!.State);
        Assert.Contains("F5 resume", repl.Screen());
        repl.Press(Key.F5);
        Assert.False(repl.Session.Runner.IsPaused);

        repl.Press(Key.F6);
        repl.Settle();
        Assert.Equal(JobState.Stopped, repl.Session.Runner.Monitor.Training!.State);
        Assert.Matches(@"info NS1105: training of `mlp` stopped after \d+ of 100000 epochs", repl.Output);
        // The stopped model is usable: evaluating it runs.
        repl.Type("evaluate mlp on val");
        repl.Press(Key.Enter);
        repl.Settle();
        Assert.Matches(@"evaluate mlp on val: val loss [\d.]+, val accuracy [\d.]+ \(30 samples\)", repl.Output);
    }

    [Fact]
    public void During_a_search_the_key_line_offers_no_pause_and_F5_says_why()
    {
        using var repl = new HeadlessRepl();
        repl.DefineMlp(Data);
        repl.Type("search grid maximize=val_acc {\nepochs = choice(100000, 100001)\n}\ntrain mlp on train epochs=$epochs batch=8 validate=val\n");
        repl.WaitFor(() => repl.Session.Runner.IsSearching, "the search to start");
        repl.View.Tick();
        string keys = repl.Screen().Split('\n')[^1];
        Assert.Equal(" Enter │ Tab │ ↑↓ ^R │ ^C stop │ ^L clear │ F1 help │ ^Q quit", keys.TrimEnd());

        repl.Press(Key.F5);
        Assert.False(repl.Session.Runner.IsPaused);
        Assert.Contains("a search does not pause: F6 or Ctrl+C stops it and keeps the trials that finished", repl.Output);
        Assert.DoesNotContain("F5", repl.Screen().Split('\n')[^1]);

        repl.Press(Key.F6);
        repl.Settle();
        Assert.Equal(" Enter │ Tab │ ↑↓ ^R │ F5 pause │ ^C stop │ ^L clear │ F1 help │ ^Q quit", repl.Screen().Split('\n')[^1].TrimEnd());
    }

    [Fact]
    public void Training_fills_the_epoch_table_and_the_status_line()
    {
        using var repl = new HeadlessRepl();
        repl.Type(Data + "model mlp { dense 16 -> relu; dense 3 }\ntrain mlp on train epochs=3 batch=16 validate=val\n");
        repl.Settle();
        string screen = repl.Screen();
        Assert.Contains("mlp on train · epoch 3/3", screen);
        Assert.Contains("100% ·", screen);
        // The epoch table's last row, all five columns visible at 80×24.
        Assert.Matches(@"│3\s*│\d\.\d{4}│\d\.\d{4}│\d\.\d{4}\s*│\d\.\d{4}\s*│", screen);
        Assert.Contains("idle │ models: mlp │ data: spiral train val", screen);
    }
}
