using Terminal.Gui.Input;

namespace NetScript.Tests.Repl;

/// <summary>The REPL's own keys and IPython habits, driven headless.</summary>
[Collection(TorchCollection.Name)]
public sealed class ReplKeysTests
{
    const string Data = "seed 42\nload dataset \"spiral\" classes=3 points=50 as spiral\n";

    [Fact]
    public void Ctrl_L_clears_the_output_and_keeps_the_session()
    {
        using var repl = new HeadlessRepl();
        repl.Type("seed 3\n");
        repl.Settle();
        Assert.Contains("› seed 3", repl.Output);
        repl.Press(Key.L.WithCtrl);
        Assert.Equal("", repl.Output);
        Assert.Equal(3, repl.Session.Runner.Session.Symbols.Seed);
        repl.Type("seed 4");
        repl.Press(Key.L.WithCtrl);                 // with text in the input: no dialog, the text stays
        Assert.Equal("seed 4", repl.View.Input.Text);
    }

    [Fact]
    public void Keys_the_REPL_does_not_define_do_nothing()
    {
        using var repl = new HeadlessRepl();
        repl.Type("seed 4");
        foreach (Key key in new[] { Key.A.WithCtrl, Key.K.WithCtrl, Key.W.WithCtrl, Key.T.WithCtrl, Key.O.WithCtrl, Key.V.WithCtrl, Key.X.WithAlt, Key.Tab.WithShift })
            repl.Press(key);
        repl.Type("1");
        Assert.Equal("seed 41", repl.View.Input.Text);
    }

    [Fact]
    public void Ctrl_C_clears_the_input_when_nothing_runs()
    {
        using var repl = new HeadlessRepl();
        repl.Type("model m {");
        repl.Press(Key.C.WithCtrl);
        Assert.Equal("", repl.View.Input.Text);
    }

    [Fact]
    public void A_second_Ctrl_C_within_a_second_drops_the_queue()
    {
        using var repl = new HeadlessRepl();
        repl.DefineMlp(Data);
        repl.Type("train mlp on spiral epochs=100000 batch=8\n");
        repl.WaitFor(() => repl.Session.Runner.Monitor.Training is { History.Count: > 0 }, "the first epoch");
        repl.Type("seed 9\n");
        var now = DateTime.UtcNow;
        Assert.Equal(NetScript.Repl.Interruption.Stopped, repl.Session.Interrupt(now));
        Assert.Equal(NetScript.Repl.Interruption.StoppedAndDropped, repl.Session.Interrupt(now + TimeSpan.FromMilliseconds(500)));
        repl.Settle();
        Assert.Contains("dropping 1 queued", repl.Output);
        Assert.Equal(42, repl.Session.Runner.Session.Symbols.Seed);   // `seed 9` never ran
    }

    [Fact]
    public void Ctrl_R_finds_an_older_entry_and_Esc_puts_the_input_back()
    {
        using var repl = new HeadlessRepl();
        repl.Type("seed 11\nseed 12\nthreads 1\n");
        repl.Settle();
        repl.Type("draft");
        repl.Press(Key.R.WithCtrl);
        repl.Type("seed");
        Assert.Equal("seed 12", repl.View.Input.Text);
        repl.Press(Key.R.WithCtrl);
        Assert.Equal("seed 11", repl.View.Input.Text);
        Assert.Contains("(history search)`seed`: seed 11", repl.Screen());
        repl.Press(Key.Esc);
        Assert.Equal("draft", repl.View.Input.Text);
        repl.Press(Key.R.WithCtrl);
        repl.Type("thr");
        repl.Press(Key.Enter);                       // keeps the match; does not run it
        Assert.Equal("threads 1", repl.View.Input.Text);
        Assert.Null(repl.View.Input.Search);
    }

    [Fact]
    public void Typing_a_defined_name_shows_it()
    {
        using var repl = new HeadlessRepl();
        repl.DefineMlp(Data);
        repl.Type("spiral\n");
        repl.Type("mlp\n");
        repl.Settle();
        Assert.Contains("dataset spiral: 150 rows of [2], 3 classes", repl.Output);
        Assert.Contains("model mlp", repl.Output.Split("› mlp")[1]);
    }

    [Fact]
    public void F7_browses_the_output_Shift_selects_lines_Enter_copies_and_Esc_goes_back()
    {
        using var repl = new HeadlessRepl();
        repl.Type("seed 3\nseed 4\n");
        repl.Settle();
        string[] lines = repl.Output.Split('\n');   // › seed 3, ok (…), › seed 4, ok (…)
        repl.Press(Key.F7);
        Assert.True(repl.View.MostFocused is NetScript.Repl.Views.OutputView);
        repl.Press(Key.CursorUp);                     // on `› seed 4`
        repl.Press(Key.CursorUp.WithShift);           // … and `ok` of seed 3
        repl.Press(Key.CursorUp.WithShift);           // … and `› seed 3`
        repl.Press(Key.Enter);
        Assert.Equal(string.Join("\n", lines[^4..^1]), repl.View.LastCopied);
        Assert.Contains("copied 3 lines", repl.Screen().Split('\n')[^2]);
        repl.Type("x");                               // typing goes nowhere while browsing
        Assert.Equal("", repl.View.Input.Text);
        repl.Press(Key.Esc);
        Assert.True(repl.View.Input.HasFocus);
        repl.Type("seed 5");
        Assert.Equal("seed 5", repl.View.Input.Text);
    }

    [Fact]
    public void A_failure_in_the_screen_is_NS0999_in_the_output_and_the_session_goes_on()
    {
        using var repl = new HeadlessRepl();
        repl.Type("seed 8\n");
        repl.Settle();
        repl.Session.ReportScreenFailure(new ArgumentOutOfRangeException("index"));
        Assert.Contains("error NS0999: internal error: the screen failed (ArgumentOutOfRangeException: ", repl.Output);
        Assert.Equal(8, repl.Session.Runner.Session.Symbols.Seed);
    }
}
