using NetScript.Language.Diagnostics;
using NetScript.Language.Semantics;
using NetScript.Language.Text;
using NetScript.Runtime.Events;

namespace NetScript.Hosting.Interactive;

/// <summary>Runs a REPL's submissions one at a time on a background thread, so the UI stays
/// responsive while a model trains, and pauses, resumes or stops the running one. The UI
/// reads progress from <see cref="Monitor"/>; results come back as the returned task.</summary>
public sealed class SubmissionRunner : IDisposable
{
    readonly Session _session;
    readonly StepTracker _steps;
    // All libtorch work happens on this one thread, as in the CLI: libtorch and TorchSharp keep
    // thread-local state (grad mode, dispose scopes), so submissions must not hop threads.
    readonly System.Collections.Concurrent.BlockingCollection<Action> _work = new();
    readonly Thread _worker;
    CancellationTokenSource? _cancel;
    Task<SubmissionResult>? _running;
    int _submissions;

    public SubmissionRunner(string? runsDirectory, TrainingMonitor? monitor = null)
    {
        Monitor = monitor ?? new TrainingMonitor();
        _steps = new StepTracker(Monitor);
        _session = new Session(new SessionOptions(runsDirectory, _steps, Interactive: true));
        _worker = new Thread(() =>
        {
            foreach (Action work in _work.GetConsumingEnumerable()) work();
        }) { IsBackground = true, Name = "netscript-session" };
        _worker.Start();
    }

    public Session Session => _session;

    public TrainingMonitor Monitor { get; }

    public bool IsBusy => _running is { IsCompleted: false };

    public bool IsPaused => IsBusy && _session.Control.IsPaused;

    /// <summary>A search runs now (its trials cannot pause; they run to their end or are stopped).</summary>
    public bool IsSearching => IsBusy && Monitor.Search is { State: JobState.Running };

    /// <summary>The first line of the statement running now, or null when idle.</summary>
    public string? CurrentStatement => IsBusy ? _steps.Current?.Statement : null;

    /// <summary>What is defined as of the statement running now: a `:load`ed script's data and
    /// models count from the statement after theirs, not only once the whole script ends.</summary>
    public SessionSymbols Symbols
    {
        get
        {
            if (IsBusy && _session.Executing is { } program && _steps.Current is { } step && step.Count == program.Steps.Length)
                return program.SymbolsAt(step.Index);
            return _session.Symbols;
        }
    }

    /// <summary>Names a new submission `&lt;repl:N&gt;` so diagnostics and definitions say where they came from.</summary>
    public SourceText NextSource(string text) => SourceText.From(text, $"<repl:{Interlocked.Increment(ref _submissions)}>");

    /// <summary>Starts the submission in the background, or returns null while another runs.</summary>
    public Task<SubmissionResult>? TrySubmit(SourceText source)
    {
        if (IsBusy) return null;
        Resume();
        _cancel?.Dispose();
        _cancel = new CancellationTokenSource();
        CancellationToken token = _cancel.Token;
        _running = OnSessionThread(() => Run(source, token));
        return _running;
    }

    /// <summary>Queues <paramref name="work"/> for the session's thread; the task ends with its
    /// result or its exception.</summary>
    Task<T> OnSessionThread<T>(Func<T> work)
    {
        var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        _work.Add(() =>
        {
            try
            {
                completion.SetResult(work());
            }
            catch (Exception e)
            {
                completion.SetException(e);
            }
        });
        return completion.Task;
    }

    SubmissionResult Run(SourceText source, CancellationToken token)
    {
        SubmissionResult result = _session.Submit(source, token);
        if (Skipped(result) is { } skipped) result = result with { Notes = result.Notes.Add(skipped) };
        if (result.StoppedTraining)
        {
            Monitor.Finish(JobState.Stopped);
            if (Monitor.Training is { } t && result.Compilation.Program is { } program && result.Execution is { } execution)
            {
                var note = new DiagnosticBag(program.Source).Report(DiagnosticCatalog.TrainingStopped,
                    program.Steps[execution.StepsCompleted].Span, t.Model, t.History.Count, t.Epochs);
                result = result with { Notes = result.Notes.Add(note) };
            }
        }
        else if (!result.Succeeded)
        {
            // A search (or cross-validation) the user stopped is stopped, not failed.
            Monitor.Finish(result.Cancelled ? JobState.Stopped : JobState.Failed);
        }
        _steps.Current = null;
        return result;
    }

    /// <summary>A note on the statement where a submission stopped or failed, naming the ones
    /// after it that did not run (a stop inside `:load` must not skip the script's rest silently).</summary>
    static Diagnostic? Skipped(SubmissionResult result)
    {
        if (result.Compilation.Program is not { } program || result.Execution is not { Failure: not null } execution) return null;
        int at = execution.StepsCompleted;
        var rest = program.Steps.Skip(at + 1).ToList();
        if (rest.Count == 0) return null;
        int first = program.Source.GetLocation(rest[0].Span.Start).Line, last = program.Source.GetLocation(rest[^1].Span.Start).Line;
        string lines = first == last ? $"line {first}" : $"lines {first}–{last}";
        string statement = program.Source.ToString(rest[0].Span).Split('\n')[0].Trim();
        return new DiagnosticBag(program.Source).Report(DiagnosticCatalog.StatementsSkipped, program.Steps[at].Span,
            rest.Count, rest.Count == 1 ? "" : "s", lines, statement);
    }

    /// <summary>`:reset` on the session's thread (where its tensors live); false, doing nothing,
    /// while a submission runs. The statistics pane forgets the last training too.</summary>
    public bool Reset()
    {
        if (IsBusy) return false;
        OnSessionThread(() =>
        {
            _session.Reset();
            return true;
        }).GetAwaiter().GetResult();
        Monitor.Clear();
        return true;
    }

    public void Pause()
    {
        if (!IsBusy) return;
        _session.Control.Pause();
        Monitor.SetPaused(true);
    }

    public void Resume()
    {
        // Also before a run starts: a pause left from a stopped run must not hold the next.
        _session.Control.Resume();
        Monitor.SetPaused(false);
    }

    /// <summary>Stops the running submission at the next step; a paused one stops at once.</summary>
    public void Stop() => _cancel?.Cancel();

    /// <summary>Stops whatever runs and waits for it, then frees the session's tensors.</summary>
    public void Dispose()
    {
        Stop();
        try
        {
            _running?.Wait(TimeSpan.FromSeconds(30));
        }
        catch (AggregateException)
        {
            // The session reports failures as diagnostics; anything else is moot at exit.
        }
        _work.CompleteAdding();
        _worker.Join(TimeSpan.FromSeconds(30));
        _cancel?.Dispose();
        _session.Dispose();
        _work.Dispose();
    }

    /// <summary>Loads libtorch and JIT-compiles the front end on the session's thread while the
    /// user reads the prompt, so the first statement answers quickly.</summary>
    public void WarmUp() => _work.Add(Session.WarmUp);

    /// <summary>Remembers which statement runs, then passes every event on to the monitor.</summary>
    sealed class StepTracker(TrainingMonitor monitor) : IRunObserver
    {
        volatile StepStarted? _current;

        public StepStarted? Current { get => _current; set => _current = value; }

        public void OnEvent(RunEvent e)
        {
            if (e is StepStarted s) _current = s;
            monitor.OnEvent(e);
        }
    }
}
