using NetScript.Language.Semantics;

namespace NetScript.Language;

/// <summary>How a source is checked: the dataset resolver (metadata from NetScript.Data),
/// and whether names may be redefined (REPL) or not (scripts).</summary>
public sealed record CompilationOptions(IDatasetResolver Datasets, bool AllowRedefinition = false);
