using System.Collections.Immutable;
using NetScript.Language.Diagnostics;

namespace NetScript.Language.Semantics;

/// <summary>The outcome of compiling (and, with a probe, test-running) a snippet.</summary>
/// <param name="Diagnostics">At script positions: C# errors (with Roslyn's CSxxxx ID) and NS08xx.</param>
/// <param name="Output">For a layer checked with a probe: its per-sample output shape, so shape
/// inference continues through the model; otherwise null.</param>
public sealed record SnippetCheck(ImmutableArray<Diagnostic> Diagnostics, Shape? Output)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}
