using System.Collections.Immutable;
using NetScript.Language.Text;

namespace NetScript.Language.Semantics;

/// <summary>Fits <see cref="Operations"/> on <see cref="FitOn"/> only, then applies them to
/// every dataset in <see cref="Targets"/> (and, later, to datasets loaded afterwards).</summary>
public sealed record PreprocessStep(string FitOn, ImmutableArray<PreprocessOperation> Operations, ImmutableArray<string> Targets, TextSpan Span)
    : PipelineStep(Span);
