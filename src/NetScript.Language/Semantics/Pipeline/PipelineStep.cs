using NetScript.Language.Text;

namespace NetScript.Language.Semantics;

/// <summary>One checked, executable statement. <see cref="Lowering.Lowerer"/> turns the ones
/// with bound arguments into typed plans, which the runtime consumes (it never sees syntax);
/// <see cref="Span"/> lets it report runtime errors at the statement's position.</summary>
public abstract record PipelineStep(TextSpan Span);
