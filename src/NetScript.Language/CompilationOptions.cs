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

    /// <summary>Reads model files for <c>load model</c>; null: the dataset resolver, when it
    /// reads model files too (NetScript.Runtime's does).</summary>
    public IModelResolver? Models { get; init; }

    /// <summary>Whether the CPU has bfloat16 instructions (NetScript.Runtime's <c>CpuFeatures</c>,
    /// supplied by the host); null: unknown, and `precision=bf16` is not questioned.</summary>
    public bool? BFloat16 { get; init; }
}
