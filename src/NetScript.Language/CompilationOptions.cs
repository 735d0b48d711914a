using NetScript.Language.Semantics;

namespace NetScript.Language;

/// <summary>How a source is checked: the dataset resolver (metadata from NetScript.Data),
/// and whether names may be redefined (REPL) or not (scripts).</summary>
public sealed record CompilationOptions(IDatasetResolver Datasets, bool AllowRedefinition = false)
{
    /// <summary>Compiles and test-runs C# snippets (NetScript.Scripting, supplied by the host so
    /// the language references no compiler); null in a host that cannot, where a snippet is an
    /// error (NS0811).</summary>
    public ISnippetCompiler? Snippets { get; init; }
}
