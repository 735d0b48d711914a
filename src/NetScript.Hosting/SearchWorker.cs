using NetScript.Language;
using NetScript.Language.Diagnostics;
using NetScript.Language.Text;
using NetScript.Runtime.Data;
using NetScript.Runtime.Events;
using NetScript.Runtime.Execution;
using NetScript.Runtime.Search;
using NetScript.Runtime.Snippets;
using NetScript.Scripting;

namespace NetScript.Hosting;

/// <summary>`netscript search-worker RUN …`: one worker process of a search. It checks the
/// run folder's script.nns as the parent did, runs it up to the search (the same data, split
/// and fitted the same way), runs its trials and journals them (RUN/trials/journal-I.jsonl).
/// Returns a process exit code: 0 when its trials ran (failed trials included).</summary>
public static class SearchWorker
{
    /// <summary>Runs the <paramref name="trials"/> of the search in <paramref name="runFolder"/>
    /// as worker <paramref name="name"/> with <paramref name="threads"/> libtorch threads.</summary>
    public static int Run(string runFolder, string name, IReadOnlyList<int> trials, int threads, TextWriter errors, CancellationToken cancellation) =>
        Run(new SearchWorkerRole(runFolder, name, trials, threads), errors, cancellation);

    static int Run(SearchWorkerRole role, TextWriter errors, CancellationToken cancellation)
    {
        string script = Path.Combine(role.RunFolder, "script.nns");
        SourceText source;
        try
        {
            source = SourceText.From(File.ReadAllText(script), script);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.WriteLine($"{script}: error {DiagnosticCatalog.FileError.Id}: {e.Message}");
            return 2;
        }
        SnippetCompiler snippets = SnippetCompiler.Default;
        var options = new CompilationOptions(new CatalogResolver()) { Snippets = new HostSnippetCompiler(snippets) };
        Compilation compilation = Compilation.Create(source, options);
        if (compilation.Program is not { } program)
        {
            foreach (Diagnostic d in compilation.Diagnostics.Where(d => d.IsError)) errors.WriteLine(DiagnosticFormatter.Format(d));
            return 2;
        }
        using var workspace = new Workspace { Snippets = snippets };
        var executor = new PipelineExecutor(workspace, new Quiet(), runFolder: null) { Worker = role };
        ExecutionResult result = executor.Execute(program, cancellation);
        if (result.Failure is { } failure)
        {
            errors.WriteLine(DiagnosticFormatter.Format(failure));
            return result.Cancelled ? 130 : 1;
        }
        return 0;
    }

    sealed class Quiet : IRunObserver
    {
        public void OnEvent(RunEvent e)
        {
        }
    }
}
