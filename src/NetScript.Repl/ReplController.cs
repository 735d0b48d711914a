using System.Diagnostics;
using NetScript.Hosting;
using NetScript.Hosting.Interactive;
using NetScript.Language.Diagnostics;
using NetScript.Language.Semantics;
using NetScript.Language.Text;
using NetScript.Repl.Commands;
using NetScript.Repl.Editing;
using NetScript.Runtime.Events;

namespace NetScript.Repl;

/// <summary>The REPL without its views: turns submitted input into session work or commands,
/// session results and run events into output lines, and the REPL's keys (stop, clear,
/// quit) into actions. Everything here runs on the UI
/// thread; the session's work runs on the runner's thread and comes back through
/// <see cref="Tick"/>, which the UI calls on a timer.</summary>
public sealed class ReplController : IDisposable
{
    Task<SubmissionResult>? _pending;
    // Input typed while something runs waits here, in order (like cells queued in a notebook).
    readonly Queue<Action> _queue = new();
    readonly Stopwatch _pendingClock = new();

    public ReplController(SubmissionRunner runner, InputHistory history, string? runsDirectory)
    {
        Runner = runner;
        History = history;
        RunsDirectory = runsDirectory;
    }

    public SubmissionRunner Runner { get; }

    public InputHistory History { get; }

    public OutputLog Output { get; } = new();

    public string? RunsDirectory { get; }

    public bool QuitRequested { get; private set; }

    /// <summary>A one-line message for the status line (completions, a question), shown until
    /// the next key; null: the normal status.</summary>
    public string? Prompt { get; private set; }

    bool _quitAsked;
    DateTime _lastInterrupt = DateTime.MinValue;

    /// <summary>How soon a second Ctrl+C must follow the first to also drop the queue.</summary>
    public static readonly TimeSpan DoubleInterrupt = TimeSpan.FromSeconds(1);

    /// <summary>Raised (on the runner's thread) when a submission finishes, so the UI can
    /// call <see cref="Tick"/> at once instead of at its next timer tick.</summary>
    public event Action? Finished;

    /// <summary>Runs what the user typed: a `:command` or statements.</summary>
    public void Submit(string input)
    {
        if (string.IsNullOrWhiteSpace(input)) return;
        History.Add(input);
        var lines = input.TrimEnd().Split('\n');
        for (int i = 0; i < lines.Length; i++)
            Output.Add((i == 0 ? "› " : "  ") + lines[i], OutputKind.Echo);

        if (ReplCommand.Parse(input) is { } command) ReplCommands.Execute(this, command);
        else if (System.Text.RegularExpressions.Regex.IsMatch(input.Trim(), @"^[A-Za-z_]\w*$"))
            Enqueue(() => ShowOrRun(input));   // in turn: after a queued training, the trained model
        else
        {
            SourceText source = Runner.NextSource(input);
            Enqueue(() => Start(source));
        }
    }

    /// <summary>A defined name alone shows it, as IPython echoes a variable; anything else runs.</summary>
    void ShowOrRun(string input)
    {
        if (SessionReports.Describe(Runner.Session.Symbols, input.Trim()) is { } description) Output.Add(description, OutputKind.Result);
        else Start(Runner.NextSource(input));
    }

    public void Load(string path)
    {
        SourceText source;
        try
        {
            source = SourceText.Load(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Report(DiagnosticCatalog.FileError, $"cannot read `{path}`: {(e is FileNotFoundException or DirectoryNotFoundException ? "no such file" : e.Message)}");
            return;
        }
        Enqueue(() => Start(source));
    }

    public void Save(string path) => Enqueue(() => SaveNow(path));

    void SaveNow(string path)
    {
        try
        {
            SaveResult saved = Runner.Session.Save(path);
            Output.Add($"saved {saved.Statements} statement{(saved.Statements == 1 ? "" : "s")} to {saved.Path}"
                + (saved.Dropped > 0 ? $" (left out {saved.Dropped} that later definitions replaced)" : ""), OutputKind.Result);
            foreach (Diagnostic problem in saved.Problems.Take(3))
                Report(DiagnosticCatalog.SavedScriptDoesNotCheck, DiagnosticFormatter.FormatHeader(problem));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Report(DiagnosticCatalog.FileError, $"cannot write `{path}`: {e.Message}");
        }
    }

    /// <summary>Runs <paramref name="work"/> now when idle, else after what is queued.</summary>
    void Enqueue(Action work)
    {
        if (IsIdle && _queue.Count == 0)
        {
            work();
            return;
        }
        _queue.Enqueue(work);
        Output.Add($"queued ({_queue.Count} waiting): runs when the current statement finishes", OutputKind.Dim);
    }

    bool IsIdle => _pending is null && !Runner.IsBusy;

    /// <summary>A submission runs, waits to be shown, or is queued.</summary>
    public bool HasWork => !IsIdle || _queue.Count > 0;

    void Start(SourceText source)
    {
        var task = Runner.TrySubmit(source)!;   // only called when idle
        _pending = task;
        _pendingClock.Restart();
        task.ContinueWith(_ => Finished?.Invoke(), TaskScheduler.Default);
    }

    /// <summary>What F5 does now, for <see cref="TogglePause"/> and the key line alike.</summary>
    public PauseKey PauseKey => Runner.IsPaused ? PauseKey.Resume : Runner.IsSearching ? PauseKey.None : PauseKey.Pause;

    /// <summary>F5: pauses a running training, or resumes a paused one; a running search only
    /// says that it does not pause.</summary>
    public void TogglePause()
    {
        if (!Runner.IsBusy) return;
        switch (PauseKey)
        {
            case PauseKey.None:
                // Trials run to their end or are stopped; there is no step of the search to hold.
                Output.Add("a search does not pause: F6 or Ctrl+C stops it and keeps the trials that finished", OutputKind.Dim);
                break;
            case PauseKey.Resume:
                Runner.Resume();
                Output.Add("resumed", OutputKind.Dim);
                break;
            default:
                Runner.Pause();
                Output.Add("paused after the current step (F5 resumes, F6 stops)", OutputKind.Dim);
                break;
        }
    }

    /// <summary>F6: stops the running submission.</summary>
    public void Stop()
    {
        if (!Runner.IsBusy) return;
        Runner.Stop();
        Output.Add("stopping…" + (_queue.Count > 0 ? $" (and dropping {_queue.Count} queued)" : ""), OutputKind.Dim);
        _queue.Clear();
    }

    /// <summary>Ctrl+C: stops what runs (queued input still runs); a second Ctrl+C within
    /// <see cref="DoubleInterrupt"/> stops again and drops the queue. Idle: nothing to stop
    /// (the view clears the input).</summary>
    public Interruption Interrupt(DateTime now)
    {
        bool second = now - _lastInterrupt <= DoubleInterrupt;
        _lastInterrupt = now;
        if (second && _queue.Count > 0)
        {
            Runner.Stop();
            Output.Add($"stopping… and dropping {_queue.Count} queued", OutputKind.Dim);
            _queue.Clear();
            return Interruption.StoppedAndDropped;
        }
        if (!Runner.IsBusy) return Interruption.None;
        Runner.Stop();
        Output.Add("stopping…" + (_queue.Count > 0 ? $" ({_queue.Count} queued still run; Ctrl+C again drops them)" : ""), OutputKind.Dim);
        return Interruption.Stopped;
    }

    /// <summary>`:reset`: the session starts over, refused while anything runs or waits (a
    /// training is never dropped by it).</summary>
    public void Reset()
    {
        if (HasWork)
        {
            Report(DiagnosticCatalog.ResetWhileRunning, Runner.CurrentStatement ?? "queued input");
            return;
        }
        SessionSymbols before = Runner.Symbols;
        Runner.Reset();
        var forgotten = Forgotten(before);
        Output.Add(forgotten.Count == 0 ? "reset: nothing was defined; the session starts over"
            : $"reset: forgot {string.Join(", ", forgotten)}; the session starts over"
                + (Runner.Session.RunFolderPath is null ? "" : " (its run folder keeps the record)"), OutputKind.Result);
    }

    /// <summary>"datasets spiral train", "model mlp", "the preprocessing (standardize)", …</summary>
    static List<string> Forgotten(SessionSymbols symbols)
    {
        static string? Names(string noun, IEnumerable<string> names) =>
            names.Order(StringComparer.Ordinal).ToList() is { Count: > 0 } list ? $"{noun}{(list.Count > 1 ? "s" : "")} {string.Join(" ", list)}" : null;
        string? preprocessing = symbols.Preprocessing.IsEmpty ? null
            : $"the preprocessing ({string.Join(", ", symbols.Preprocessing.Select(p => p.Kind))})";
        return new[]
        {
            Names("dataset", symbols.Datasets.Keys), Names("fold set", symbols.Folds.Keys), Names("model", symbols.Models.Keys),
            Names("definition", symbols.Definitions.Keys), preprocessing,
        }.OfType<string>().ToList();
    }

    /// <summary>Ctrl+L.</summary>
    public void ClearOutput() => Output.Clear();

    /// <summary>Shows Tab's candidates in the status line (they are not worth keeping in the output).</summary>
    public void OfferCompletions(IReadOnlyList<string> candidates) =>
        Prompt = "Tab: " + string.Join("  ", candidates.Take(40)) + (candidates.Count > 40 ? "  …" : "");

    /// <summary>A message for the status line until the next key.</summary>
    public void Notify(string message) => Prompt = message;

    /// <summary>Ctrl+Q: quits at once when idle; while something runs, asks first and quits
    /// on a second Ctrl+Q (any other key cancels).</summary>
    public void QuitOrAsk()
    {
        if (!HasWork || _quitAsked)
        {
            Quit();
            return;
        }
        _quitAsked = true;
        Prompt = "still running: Ctrl+Q again stops it and quits (what ran is recorded); any other key goes on";
    }

    /// <summary>Any key but Ctrl+Q withdraws the question and clears a transient message.</summary>
    public void CancelQuitPrompt()
    {
        _quitAsked = false;
        Prompt = null;
    }

    /// <summary>An exception in the screen (a key, a redraw, a timer) costs nothing but what
    /// it interrupted: it is reported here and the REPL goes on with the session intact.</summary>
    public void ReportScreenFailure(Exception e) =>
        Report(DiagnosticCatalog.InternalError, $"the screen failed ({e.GetType().Name}: {e.Message.Split('\n')[0]}); the session goes on");

    public void Quit()
    {
        Runner.Stop();
        QuitRequested = true;
    }

    /// <summary>Moves run events and a finished submission's result into the output.</summary>
    public void Tick()
    {
        while (Runner.Monitor.TryDequeue(out RunEvent? e))
        {
            if (e is EpochCompleted c && !RunEventText.IsMilestone(c)) continue;
            if (RunEventText.Describe(e!) is { } line) Output.Add(line, e is TrainingCompleted or EvaluationCompleted or CrossValidationCompleted ? OutputKind.Result : OutputKind.Text);
        }
        if (_pending is { IsCompleted: true } done)
        {
            _pending = null;
            Show(done.Result, _pendingClock.Elapsed);
            if (!done.Result.Succeeded && !done.Result.StoppedTraining && _queue.Count > 0)
            {
                Output.Add($"dropped {_queue.Count} queued after the error", OutputKind.Dim);
                _queue.Clear();
            }
        }
        while (IsIdle && _queue.Count > 0) _queue.Dequeue()();
    }

    void Show(SubmissionResult result, TimeSpan elapsed)
    {
        foreach (Diagnostic d in result.Diagnostics.Concat(result.Notes).OrderBy(d => d.Span.Start))
            Output.Add(DiagnosticFormatter.Format(d), d.Severity switch
            {
                DiagnosticSeverity.Error => OutputKind.Error,
                DiagnosticSeverity.Warning => OutputKind.Warning,
                _ => OutputKind.Note,
            });
        if (result.Succeeded)
            Output.Add($"ok ({Milliseconds(elapsed)})", OutputKind.Dim);
    }

    static string Milliseconds(TimeSpan span) =>
        span.TotalSeconds >= 10 ? $"{span.TotalSeconds:0} s" : span.TotalSeconds >= 1 ? $"{span.TotalSeconds:0.0} s" : $"{span.TotalMilliseconds:0} ms";

    internal void Report(DiagnosticDescriptor descriptor, params object?[] args)
    {
        var diagnostic = new DiagnosticBag(null).Report(descriptor, default, args);
        Output.Add(DiagnosticFormatter.Format(diagnostic), diagnostic.IsError ? OutputKind.Error : OutputKind.Warning);
    }

    public void Dispose() => Runner.Dispose();
}
