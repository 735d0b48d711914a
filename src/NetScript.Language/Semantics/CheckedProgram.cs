using System.Collections.Immutable;
using NetScript.Language.Text;

namespace NetScript.Language.Semantics;

/// <summary>The checked pipeline: executable steps in order, with the session symbols after
/// each one (so a host can commit exactly the steps that ran).</summary>
public sealed record CheckedProgram(
    SourceText Source,
    ImmutableArray<PipelineStep> Steps,
    ImmutableArray<SessionSymbols> SymbolsAfter,
    SessionSymbols SymbolsBefore)
{
    public SessionSymbols SymbolsAfterAll => SymbolsAfter.IsEmpty ? SymbolsBefore : SymbolsAfter[^1];

    /// <summary>The symbols once the first <paramref name="steps"/> steps ran (0: before any).</summary>
    public SessionSymbols SymbolsAt(int steps) => steps == 0 ? SymbolsBefore : SymbolsAfter[steps - 1];
}
