using NetScript.Language.Text;

namespace NetScript.Language.Semantics;

public sealed record ModelStep(ModelDefinition Model, TextSpan Span) : PipelineStep(Span);
