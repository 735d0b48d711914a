using NetScript.Repl.Editing;
using NetScript.Repl.Syntax;
using NetScript.Repl.Views;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace NetScript.Repl;

/// <summary>The REPL's screen: output (top left), input (bottom left), live statistics
/// (right), a status line and the keys. Everything it shows comes from the
/// <see cref="ReplSession"/> in <see cref="Tick"/>, which a timer calls a few times a second
/// — the training thread never touches a view.</summary>
public sealed class ReplView : Runnable
{
    const int InputHeight = 5;
    readonly ReplSession _session;
    readonly OutputView _output;
    readonly StatsPane _stats = new();
    readonly Label _status = new() { X = 0, Width = Dim.Fill(), Height = 1 };
    readonly Label _keys = new() { X = 0, Width = Dim.Fill(), Height = 1 };

    public ReplView(ReplSession session, ISyntaxClassifier classifier)
    {
        _session = session;
        Width = Dim.Fill();
        Height = Dim.Fill();

        _output = new OutputView(session.Output) { X = 0, Y = 0, Width = Dim.Fill(), Height = Dim.Fill() };
        var outputFrame = new FrameView { Title = "NetScript", X = 0, Y = 0, Width = Dim.Percent(50), Height = Dim.Fill(InputHeight + 2) };
        outputFrame.Add(_output);

        Input = new InputEditor(classifier, session.History, () => session.Runner.Session.Symbols)
        {
            X = 0, Y = 0, Width = Dim.Fill(), Height = Dim.Fill(),
        };
        var inputFrame = new FrameView { Title = "Input", X = 0, Y = Pos.Bottom(outputFrame), Width = Dim.Percent(50), Height = InputHeight };
        inputFrame.Add(Input);

        _stats.X = Pos.Right(outputFrame);
        _stats.Y = 0;
        _stats.Width = Dim.Fill();
        _stats.Height = Dim.Fill(2);
        _status.Y = Pos.AnchorEnd(2);
        _keys.Y = Pos.AnchorEnd(1);
        Add(outputFrame, inputFrame, _stats, _status, _keys);

        Input.Submitted += text =>
        {
            _session.Submit(text);
            Tick();
        };
        Input.CompletionsOffered += candidates =>
        {
            _session.Output.Add("  " + string.Join("  ", candidates.Take(40)) + (candidates.Count > 40 ? "  …" : ""), OutputKind.Dim);
            _output.Refresh();
        };
        Input.ScrollRequested += direction => _output.Scroll(-direction * Math.Max(1, _output.Viewport.Height - 1));
        Input.SetFocus();
        Tick();
    }

    public InputEditor Input { get; }

    /// <summary>Pulls new output, results and statistics from the session into the views.</summary>
    public void Tick()
    {
        _session.Tick();
        _output.Refresh();
        _stats.Show(_session.Runner.Monitor.Training);
        var symbols = _session.Runner.Session.Symbols;
        string datasets = symbols.Datasets.IsEmpty ? "none" : string.Join(" ", symbols.Datasets.Keys.Order(StringComparer.Ordinal));
        string models = symbols.Models.IsEmpty ? "none" : string.Join(" ", symbols.Models.Keys.Order(StringComparer.Ordinal));
        string job = _session.Runner.CurrentStatement is { } running
            ? (_session.Runner.IsPaused ? "paused: " : "running: ") + running
            : "idle";
        _status.Text = $" data: {datasets} │ models: {models} │ {job}";
        _keys.Text = " Enter run │ Tab complete │ ↑↓ history │ F5 " + (_session.Runner.IsPaused ? "resume" : "pause")
            + " │ F6 stop │ F1 help │ ^Q quit";
        if (_session.QuitRequested) App?.RequestStop();
    }

    protected override bool OnKeyDown(Key key)
    {
        if (key == Key.F5) _session.TogglePause();
        else if (key == Key.F6) _session.Stop();
        else if (key == Key.F1) _session.Submit(":help");
        else if (key == Key.Q.WithCtrl) _session.Quit();
        else if (key == Key.Esc) return true;   // Esc would quit the app; in a REPL it must not
        else return base.OnKeyDown(key);
        Tick();
        return true;
    }
}
