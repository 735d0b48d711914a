using NetScript.Language;
using NetScript.Language.Diagnostics;
using NetScript.Language.Text;
using NetScript.Runtime.Data;
using NetScript.Runtime.Execution;
using NetScript.Runtime.Recording;
using NetScript.Runtime.Snippets;

namespace NetScript.Tests;

/// <summary>Compiles and executes a script against a workspace the test owns, so tests can
/// look at the tensors a pipeline produced.</summary>
public static class Pipelines
{
    public static ExecutionResult Execute(string text, Workspace workspace, NetScript.Runtime.Events.IRunObserver? observer = null,
        CancellationToken cancellation = default, RunFolder? runFolder = null, TimeSpan? progressInterval = null)
    {
        var options = new CompilationOptions(new CatalogResolver()) { Snippets = new HostSnippetCompiler(workspace.Snippets) };
        var compilation = Compilation.Create(SourceText.From(text, "test.nns"), options);
        Assert.False(compilation.HasErrors, DiagnosticFormatter.FormatAll(compilation.Diagnostics));
        var executor = new PipelineExecutor(workspace, observer ?? new RecordingObserver(), runFolder)
        {
            ProgressInterval = progressInterval ?? TimeSpan.FromMilliseconds(250),
        };
        return executor.Execute(compilation.Program!, cancellation);
    }
}
