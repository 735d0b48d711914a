namespace NetScript.Language.Syntax;

/// <summary><c>cross_entropy label_smoothing=0.1</c> on the right of <c>loss NAME =</c>.</summary>
public sealed record BuiltinDefinition(Invocation Operation) : Definition(Operation.Span);
