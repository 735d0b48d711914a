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
/// (<see cref="SessionRunner"/> runs them in the background for the REPL).</summary>
public sealed class Session : IDisposable
{
    readonly SessionOptions _options;
    readonly CompilationOptions _compilationOptions;
    readonly Workspace _workspace;
    RunFolder? _runFolder;

    public Session(SessionOptions options)
    {
        _options = options;
        SnippetCompiler snippets = options.Snippets ?? SnippetCompiler.Default;
        _workspace = new Workspace { Snippets = snippets };
        _compilationOptions = new CompilationOptions(new CatalogResolver(), AllowRedefinition: options.Interactive)
        {
            Snippets = new HostSnippetCompiler(snippets),
        };
    }

    /// <summary>Everything defined so far.</summary>
    public SessionSymbols Symbols { get; private set; } = SessionSymbols.Empty;

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
        var executor = new PipelineExecutor(_workspace, _options.Observer, _runFolder) { Control = Control, SearchBackend = _options.SearchBackend };
        ProgramPlan plan = Lowerer.Lower(program);
        ExecutionResult execution = executor.Execute(_options.Smoke ? SmokePlan.Reduce(plan) : plan, cancellation);
        int committed = execution.StepsCompleted;
        // In the REPL a stopped training keeps the weights it reached, so the model stays usable
        // (a stopped cross-validation has no model to keep).
        bool stoppedTraining = _options.Interactive && execution.Cancelled && program.Steps[committed] is TrainStep { Folds: null };
        if (stoppedTraining) committed++;
        var notes = Commit(program, committed, stoppedTraining);
        return new SubmissionResult(compilation, execution, _runFolder?.Path) { Notes = notes, StoppedTraining = stoppedTraining };
    }

    /// <summary>Advances the symbols over the first <paramref name="count"/> steps, records them
    /// in the transcript, and notes each name a step redefined.</summary>
    ImmutableArray<Diagnostic> Commit(CheckedProgram program, int count, bool lastStopped)
    {
        var notes = new DiagnosticBag(program.Source);
        for (int i = 0; i < count; i++)
        {
            SessionSymbols before = i == 0 ? program.SymbolsBefore : program.SymbolsAfter[i - 1];
            SessionSymbols after = program.SymbolsAfter[i];
            TextSpan span = program.Steps[i].Span;
            string text = program.Source.ToString(span);
            Transcript.Add(text, before, after, stopped: lastStopped && i == count - 1);
            foreach (string name in SessionTranscript.Defined(before, after).Where(n => before.KindOf(n) is not null))
                notes.Report(DiagnosticCatalog.Replaced, NameSpan(text, name, span), name, after.KindOf(name), before.DefinedAt(name));
        }
        Symbols = count == 0 ? program.SymbolsBefore : program.SymbolsAfter[count - 1];
        return notes.ToList().ToImmutableArray();
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
