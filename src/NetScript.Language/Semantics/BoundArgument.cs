using NetScript.Language.Text;

namespace NetScript.Language.Semantics;

/// <summary>An argument after checking: its typed value (long, double, bool or string) and
/// where its value was written (errors about it point there).</summary>
public sealed record BoundArgument(string Name, object Value, TextSpan Span);
