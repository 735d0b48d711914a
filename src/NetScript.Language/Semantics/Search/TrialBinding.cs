using System.Collections.Immutable;
using NetScript.Language.Diagnostics;

namespace NetScript.Language.Semantics;

/// <summary>The result of binding one trial's values: the runnable program, or (when the values
/// make a statement invalid, e.g. a layer width the data cannot take) the diagnostics.</summary>
public sealed record TrialBinding(TrialProgram? Program, ImmutableArray<Diagnostic> Diagnostics)
{
    public bool Succeeded => Program is not null;
}
