using System.Collections.Immutable;
using NetScript.Language.Semantics;
using NetScript.Language.Text;

namespace NetScript.Language.Lowering;

/// <summary>Fits <see cref="Operations"/> in order on <see cref="FitOn"/> only, then applies
/// them to every dataset in <see cref="Targets"/> (and to datasets loaded later).</summary>
public sealed record PreprocessPlan(string FitOn, ImmutableArray<PreprocessingSpec> Operations, ImmutableArray<string> Targets, TextSpan Span)
    : PipelineStep(Span);
