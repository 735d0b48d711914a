using NetScript.Language.Text;

namespace NetScript.Language.Semantics;

public sealed record OptimizerStep(OptimizerSettings Optimizer, TextSpan Span) : PipelineStep(Span);
