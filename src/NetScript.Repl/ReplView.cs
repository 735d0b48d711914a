using NetScript.Repl.Editing;
using NetScript.Repl.Syntax;
using NetScript.Repl.Views;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace NetScript.Repl;

/// <summary>The REPL's screen: output (top left), input (bottom left), live statistics
/// (right), a status line and the keys. Everything it shows comes from the
/// <see cref="ReplController"/> in <see cref="Tick"/>, which a timer calls a few times a
/// second — the training thread never touches a view. <see cref="ScreenLayout"/> decides
/// what fits.</summary>
public sealed class ReplView : Runnable
{
    /// <summary>The input box's rows inside its frame: at least this many, more as the input
    /// grows (<see cref="ScreenLayout.InputRows"/>).</summary>
    const int InputRows = 3;
    readonly ReplController _repl;
    readonly FrameView _inputFrame;
    int _inputRows = InputRows;
    readonly OutputView _output;
    readonly FrameView _outputFrame;
    readonly StatsPane _stats = new();
    // No hot-key letter: `_` in a statement (`cross_entropy`) is text, not a marker.
    readonly Label _status = new() { X = 0, Width = Dim.Fill(), Height = 1, HotKeySpecifier = new System.Text.Rune(0xFFFF) };
    readonly Label _keys = new() { X = 0, Width = Dim.Fill(), Height = 1, HotKeySpecifier = new System.Text.Rune(0xFFFF) };

    public ReplView(ReplController repl, ISyntaxClassifier classifier)
    {
        _repl = repl;
        Width = Dim.Fill();
        Height = Dim.Fill();
        Theme.Apply(this, Theme.Surface.Screen);

        _output = new OutputView(repl.Output) { X = 0, Y = 0, Width = Dim.Fill(), Height = Dim.Fill() };
        _outputFrame = new FrameView { Title = "NetScript", X = 0, Y = 0, Width = Dim.Func(_ => ScreenLayout.OutputWidth(Viewport.Width)), Height = Dim.Fill(InputRows + 4) };
        _outputFrame.Add(_output);

        Input = new InputEditor(classifier, repl.History, () => repl.Runner.Symbols)
        {
            X = 0, Y = 0, Width = Dim.Fill(), Height = Dim.Fill(),
            CommandKey = HandleKey,
        };
        Theme.Apply(Input, Theme.Surface.Input);
        _inputFrame = new FrameView { Title = "Input", X = 0, Y = Pos.Bottom(_outputFrame), Width = Dim.Width(_outputFrame), Height = InputRows + 2 };
        _inputFrame.Add(Input);
        Input.ContentsChanged += (_, _) => FitInput();

        _stats.X = Pos.Right(_outputFrame);
        _stats.Y = 0;
        _stats.Width = Dim.Fill();
        _stats.Height = Dim.Fill(2);
        _status.Y = Pos.AnchorEnd(2);
        _keys.Y = Pos.AnchorEnd(1);
        Add(_outputFrame, _inputFrame, _stats, _status, _keys);

        Input.Submitted += text =>
        {
            _repl.Submit(text);
            Tick();
        };
        Input.CompletionsOffered += candidates =>
        {
            _repl.OfferCompletions(candidates);
            ShowLines();
        };
        Input.ScrollRequested += direction => _output.Scroll(-direction * Math.Max(1, _output.Viewport.Height - 1));
        _output.Copied += text =>
        {
            int lines = text.Split('\n').Length;
            bool copied = TerminalClipboard.Copy(App, text);
            LastCopied = text;
            _repl.Notify(copied ? $"copied {lines} line{(lines == 1 ? "" : "s")}; Esc goes back to the input"
                : "no clipboard here (install xclip, or use a terminal with OSC 52)");
            ShowLines();
        };
        _output.Left += LeaveOutput;
        Input.SetFocus();
        Tick();
    }

    public InputEditor Input { get; }

    /// <summary>What Enter copied last in the output pane.</summary>
    public string? LastCopied { get; private set; }

    /// <summary>F7: the output pane takes the focus for reading and copying, and gives it back.</summary>
    void ToggleOutput()
    {
        if (_output.Browsing)
        {
            LeaveOutput();
            return;
        }
        _output.Browse();
        _outputFrame.Title = "NetScript · ↑↓ move, Shift select, Enter copy, Esc back";
        _repl.Notify("output: ↑↓ PgUp PgDn Home End move, with Shift select lines, Enter copies, Esc or F7 back to the input");
    }

    void LeaveOutput()
    {
        _output.StopBrowsing();
        _outputFrame.Title = "NetScript";
        Input.SetFocus();
    }

    /// <summary>Pulls new output, results and statistics from the controller into the views.</summary>
    public void Tick()
    {
        _repl.Tick();
        _output.Refresh();
        _stats.Show(_repl.Runner.Monitor.Training, _repl.Runner.Monitor.Search);
        ShowLines();
        FitInput();
        if (_repl.QuitRequested) App?.RequestStop();
    }

    /// <summary>The status and key lines for the current width (again after every layout).</summary>
    void ShowLines()
    {
        int width = Math.Max(1, Viewport.Width);
        _status.Text = Input.Search is { } search ? " " + ScreenLayout.Cut(search.ToString(), width - 1)
            : _repl.Prompt is { } prompt ? " " + ScreenLayout.Cut(prompt, width - 1)
            : ScreenLayout.StatusLine(_repl.Runner.Symbols, _repl.Runner.CurrentStatement, _repl.Runner.IsPaused, width, SearchProgress());
        _keys.Text = ScreenLayout.KeyLine(_repl.PauseKey, width);
    }

    /// <summary>"2/12 trials" while a search runs; null otherwise.</summary>
    string? SearchProgress() =>
        _repl.Runner.IsSearching && _repl.Runner.Monitor.Search is { } search ? $"{search.Finished}/{search.Total} trials" : null;

    protected override void OnSubViewsLaidOut(LayoutEventArgs args)
    {
        base.OnSubViewsLaidOut(args);
        ShowLines();
        FitInput();
    }

    /// <summary>Grows the input box with its wrapped rows (and shrinks it back), taking the rows
    /// from the output pane.</summary>
    void FitInput()
    {
        int rows = ScreenLayout.InputRows(Input.Wrapping().Rows.Count, Viewport.Height, InputRows);
        if (rows == _inputRows) return;
        _inputRows = rows;
        _inputFrame.Height = rows + 2;
        _outputFrame.Height = Dim.Fill(rows + 4);
        SetNeedsLayout();
    }

    /// <summary>The REPL's own keys, wherever the focus is. False: not one of them.</summary>
    bool HandleKey(Key key)
    {
        if (key != Key.Q.WithCtrl) _repl.CancelQuitPrompt();
        if (key == Key.F5) _repl.TogglePause();
        else if (key == Key.F6) _repl.Stop();
        else if (key == Key.F1) _repl.Submit(":help");
        else if (key == Key.F7) ToggleOutput();
        else if (key == Key.Q.WithCtrl) _repl.QuitOrAsk();
        else if (key == Key.L.WithCtrl) _repl.ClearOutput();
        else if (key == Key.C.WithCtrl)
        {
            if (_repl.Interrupt(DateTime.UtcNow) == Interruption.None)
            {
                Input.SetText("");
                Input.ClearSearch();
            }
        }
        else return false;
        Tick();
        return true;
    }

    protected override bool OnKeyDown(Key key)
    {
        if (HandleKey(key)) return true;
        if (key == Key.Esc) return true;   // Esc would quit the app; in a REPL it must not
        return base.OnKeyDown(key);
    }
}
