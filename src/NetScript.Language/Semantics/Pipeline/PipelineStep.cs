using NetScript.Language.Text;

namespace NetScript.Language.Semantics;

/// <summary>One checked, executable statement. The runtime consumes these and never sees
/// syntax; <see cref="Span"/> lets it report runtime errors at the statement's position.</summary>
public abstract record PipelineStep(TextSpan Span);
