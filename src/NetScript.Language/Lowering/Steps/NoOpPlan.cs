using NetScript.Language.Semantics;
using NetScript.Language.Text;

namespace NetScript.Language.Lowering;

/// <summary>A statement with nothing to run: <c>optimizer</c>, <c>schedule</c>,
/// <c>regularize</c> (the checker carried them into each later training) and <c>loss</c> /
/// <c>metric</c> / <c>layer</c> definitions (the steps that use the name carry its snippet).</summary>
public sealed record NoOpPlan(TextSpan Span) : PipelineStep(Span);
