using NetScript.Language.Text;

namespace NetScript.Language.Semantics;

public sealed record ThreadsStep(int Count, TextSpan Span) : PipelineStep(Span);
