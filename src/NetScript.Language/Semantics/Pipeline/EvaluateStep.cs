using NetScript.Language.Text;

namespace NetScript.Language.Semantics;

public sealed record EvaluateStep(string Model, string Data, int BatchSize, string Loss, TextSpan Span) : PipelineStep(Span);
