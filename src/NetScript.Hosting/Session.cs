using NetScript.Language.Lowering;
using System.Collections.Immutable;
using NetScript.Language;
using NetScript.Language.Diagnostics;
using NetScript.Language.Semantics;
using NetScript.Language.Text;
using NetScript.Runtime.Data;
using NetScript.Runtime.Execution;
using NetScript.Runtime.Recording;
using NetScript.Runtime.Snippets;
using NetScript.Runtime.Training;
using NetScript.Scripting;

namespace NetScript.Hosting;

/// <summary>A NetScript session: the one object the CLI and the REPL drive. Each submission is
/// checked against the symbols of earlier ones (like Minsk's chained compilations) and then
/// executed against the session's workspace. Symbols advance only as far as execution got, so
/// a failed step leaves the session consistent. Not thread-safe: one submission at a time
/// (<see cref="SubmissionRunner"/> runs them in the background for the REPL).</summary>
public sealed class Session : IDisposable
{
    readonly SessionOptions _options;
    readonly CompilationOptions _compilationOptions;
    readonly Workspace _workspace;
    readonly TrainingTracker _observer;
    readonly DateTime _started = DateTime.Now;
    RunFolder? _runFolder;

    /// <summary>This session's run folder, once a statement has run (null before, or without one).</summary>
    public string? RunFolderPath => _runFolder?.Path;
    // One executor for the whole session, so summary.json keeps every submission's results.
    PipelineExecutor? _executor;

    public Session(SessionOptions options)
    {
        _options = options;
        SnippetCompiler snippets = options.Snippets ?? SnippetCompiler.Default;
        _workspace = new Workspace { Snippets = snippets, Smoke = options.Smoke };
        _observer = new TrainingTracker(options.Observer);
        _compilationOptions = new CompilationOptions(new CatalogResolver(), AllowRedefinition: options.Interactive)
        {
            Snippets = new HostSnippetCompiler(snippets),
            BFloat16 = Runtime.CpuFeatures.BFloat16,
        };
    }

    /// <summary>Everything defined so far.</summary>
    public SessionSymbols Symbols { get; private set; } = SessionSymbols.Empty;

    CheckedProgram? _executing;

    /// <summary>The program running now (null between submissions), read from other threads
    /// by hosts that show how far a long submission such as `:load` got.</summary>
    public CheckedProgram? Executing => Volatile.Read(ref _executing);

    /// <summary>The statements that ran, for `:save`.</summary>
    public SessionTranscript Transcript { get; } = new();

    /// <summary>Pauses a running training between steps (stopping is the cancellation token).</summary>
    public RunControl Control { get; } = new();

    /// <summary>Parses and checks without running anything (`netscript check`).</summary>
    public Compilation Check(SourceText source) => Compilation.Create(source, _compilationOptions, Symbols);

    /// <summary>Checks, then runs if there are no errors.</summary>
    public SubmissionResult Submit(SourceText source, CancellationToken cancellation = default)
    {
        Compilation compilation = Check(source);
        if (compilation.Program is not { } program) return new SubmissionResult(compilation, null, _runFolder?.Path);

        if (_runFolder is null && (_options.RunsDirectory ?? _options.ResumeRunFolder) is { } root && program.Steps.Length > 0)
        {
            _runFolder = _options.ResumeRunFolder is { } resume ? RunFolder.Open(resume) : RunFolder.Create(root, source.Path, source.Text);
            _options.Observer.OnEvent(new Runtime.Events.RunFolderCreated(_runFolder.Path));
        }
        if (program.Steps.Length == 0) return new SubmissionResult(compilation, new ExecutionResult(0, null), _runFolder?.Path);
        _executor ??= new PipelineExecutor(_workspace, _observer, _runFolder) { Control = Control, SearchBackend = _options.SearchOnSlurm ? Runtime.Search.TrialBackend.Slurm : Runtime.Search.TrialBackend.Local };
        ProgramPlan plan = Lowerer.Lower(program);
        ExecutionResult execution;
        Volatile.Write(ref _executing, program);
        try
        {
            execution = _executor.Execute(plan, cancellation);
        }
        finally
        {
            Volatile.Write(ref _executing, null);
        }
        int committed = execution.StepsCompleted;
        // In the REPL a stopped training keeps the weights it reached, so the model stays usable
        // (a stopped cross-validation has no model to keep).
        bool stoppedTraining = _options.Interactive && execution.Cancelled && program.Steps[committed] is TrainStep { Folds: null };
        int? epochsRun = null;
        if (stoppedTraining)
        {
            epochsRun = RecordStopped((TrainStep)program.Steps[committed]);
            committed++;
        }
        var notes = Commit(program, committed, epochsRun);
        WriteRecord();
        return new SubmissionResult(compilation, execution, _runFolder?.Path) { Notes = notes, StoppedTraining = stoppedTraining };
    }

    /// <summary>Puts a stopped training in summary.json with the epochs it finished; returns their number.</summary>
    int RecordStopped(TrainStep step)
    {
        int epochs = _observer.Started?.Model == step.Model ? _observer.LastEpoch?.Epoch ?? 0 : 0;
        if (_observer.LastEpoch is { } last && _executor is not null)
        {
            _executor.Summary.Training[step.Model] = new RunSummary.TrainingSummary(step.Data, step.Settings.Epochs, last.Train, last.Validation,
                (DateTime.UtcNow - _observer.StartedAt).TotalSeconds) { EpochsRun = epochs };
            _runFolder?.WriteJson("summary.json", _executor.Summary);
        }
        return epochs;
    }

    /// <summary>In the REPL, rewrites the run folder's script.nns: every statement that ran, in
    /// order, with the resets between them.</summary>
    void WriteRecord()
    {
        if (!_options.Interactive) return;
        _runFolder?.WriteText("script.nns", Transcript.ToRecord(
            $"NetScript REPL session started {_started:yyyy-MM-dd HH:mm}: every statement that ran, in order, as it ran\n"
            + "(`:save FILE` writes the shortest script that rebuilds the final state)"));
    }

    /// <summary>Advances the symbols over the first <paramref name="count"/> steps, records them
    /// in the transcript, and notes each name a step redefined.</summary>
    ImmutableArray<Diagnostic> Commit(CheckedProgram program, int count, int? lastStoppedAfter)
    {
        var notes = new DiagnosticBag(program.Source);
        for (int i = 0; i < count; i++)
        {
            SessionSymbols before = program.SymbolsAt(i);
            SessionSymbols after = program.SymbolsAfter[i];
            TextSpan span = program.Steps[i].Span;
            string text = program.Source.ToString(span);
            Transcript.Add(text, before, after, i == count - 1 ? lastStoppedAfter : null);
            foreach (string name in SessionTranscript.Defined(before, after).Where(n => before.KindOf(n) is not null))
                notes.Report(DiagnosticCatalog.Replaced, NameSpan(text, name, span), name, after.KindOf(name), before.DefinedAt(name));
        }
        Symbols = program.SymbolsAt(count);
        return notes.ToList().ToImmutableArray();
    }

    /// <summary>`:reset`: forgets every definition, dataset, model and fitted preprocessing, as
    /// in a new session. The run folder stays, and its record notes the reset. Only between
    /// submissions, on the thread that runs them (it disposes tensors).</summary>
    public void Reset()
    {
        if (Executing is not null) throw new InvalidOperationException("reset while a submission runs");
        _workspace.Clear();
        Symbols = SessionSymbols.Empty;
        Transcript.Reset();
        WriteRecord();
    }

    /// <summary>The first mention of <paramref name="name"/> in a statement, for the note's caret.</summary>
    static TextSpan NameSpan(string text, string name, TextSpan statement)
    {
        var (at, found) = SessionTranscript.Identifiers(text).FirstOrDefault(i => i.Name == name);
        return found is null ? new TextSpan(statement.Start, 0) : new TextSpan(statement.Start + at, name.Length);
    }

    /// <summary>Writes the session's statements as a script and checks it the way `netscript
    /// run` will; problems come back as diagnostics (the file is written either way).</summary>
    public SaveResult Save(string path)
    {
        string header = $"saved from a NetScript REPL session on {DateTime.Now:yyyy-MM-dd HH:mm}\nrun it with: netscript run {Path.GetFileName(path)}";
        string script = Transcript.ToScript(header, out int dropped);
        File.WriteAllText(path, script);
        var check = Compilation.Create(SourceText.From(script, path), _compilationOptions with { AllowRedefinition = false });
        return new SaveResult(Path.GetFullPath(path), Transcript.Entries.Count - dropped, dropped, check.Diagnostics.Where(d => d.IsError).ToImmutableArray());
    }

    /// <summary>Loads libtorch and JIT-compiles the front end off the critical path, so the
    /// first statement answers quickly. Safe to call from any thread, once.</summary>
    public static void WarmUp()
    {
        Compilation.Create(SourceText.From("seed 1\nmodel m {\n  dense 2 -> relu\n}\n", "<warm-up>"),
            new CompilationOptions(new CatalogResolver()));
        try
        {
            Runtime.TorchRuntime.EnsureLoaded();
        }
        catch (Runtime.RuntimeFailure)
        {
            // Reported properly by the first statement that needs libtorch.
        }
    }

    public void Dispose()
    {
        _workspace.Dispose();
        Control.Dispose();
    }
}
