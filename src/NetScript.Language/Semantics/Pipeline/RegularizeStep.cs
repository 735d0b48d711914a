using NetScript.Language.Text;

namespace NetScript.Language.Semantics;

/// <summary>A <c>regularize MODEL { … }</c> statement; the checker carries it into each later
/// <see cref="TrainStep"/> of the model.</summary>
public sealed record RegularizeStep(string Model, RegularizationSettings Regularization, TextSpan Span) : PipelineStep(Span);
