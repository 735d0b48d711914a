using NetScript.Language.Text;

namespace NetScript.Language.Syntax;

/// <summary>A number with a unit word: <c>1 epoch</c>, <c>500 steps</c>.</summary>
public sealed record QuantityExpression(Expression Amount, Identifier Unit, TextSpan Span) : Expression(Span);
