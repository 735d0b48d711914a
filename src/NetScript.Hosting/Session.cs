using NetScript.Language;
using NetScript.Language.Semantics;
using NetScript.Language.Text;
using NetScript.Runtime.Data;
using NetScript.Runtime.Execution;

namespace NetScript.Hosting;

/// <summary>A NetScript session: the one object the CLI and the REPL drive. Each submission is
/// checked against the symbols of earlier ones (like Minsk's chained compilations) and then
/// executed against the session's workspace. Symbols advance only as far as execution got, so
/// a failed step leaves the session consistent. Not thread-safe: one submission at a time.</summary>
public sealed class Session : IDisposable
{
    readonly SessionOptions _options;
    readonly CompilationOptions _compilationOptions;
    readonly Workspace _workspace = new();
    RunFolder? _runFolder;

    public Session(SessionOptions options)
    {
        _options = options;
        _compilationOptions = new CompilationOptions(new CatalogResolver(), AllowRedefinition: options.Interactive);
    }

    /// <summary>Everything defined so far.</summary>
    public SessionSymbols Symbols { get; private set; } = SessionSymbols.Empty;

    /// <summary>Parses and checks without running anything (`netscript check`).</summary>
    public Compilation Check(SourceText source) => Compilation.Create(source, _compilationOptions, Symbols);

    /// <summary>Checks, then runs if there are no errors.</summary>
    public SubmissionResult Submit(SourceText source, CancellationToken cancellation = default)
    {
        Compilation compilation = Check(source);
        if (compilation.Program is not { } program) return new SubmissionResult(compilation, null, _runFolder?.Path);

        if (_runFolder is null && _options.RunsDirectory is { } root && program.Steps.Length > 0)
        {
            _runFolder = RunFolder.Create(root, source.Path, source.Text);
            _options.Observer.OnEvent(new Runtime.Events.RunFolderCreated(_runFolder.Path));
        }
        var executor = new PipelineExecutor(_workspace, _options.Observer, _runFolder);
        ExecutionResult execution = executor.Execute(program, cancellation);
        Symbols = execution.StepsCompleted == 0 ? program.SymbolsBefore : program.SymbolsAfter[execution.StepsCompleted - 1];
        return new SubmissionResult(compilation, execution, _runFolder?.Path);
    }

    public void Dispose() => _workspace.Dispose();
}
