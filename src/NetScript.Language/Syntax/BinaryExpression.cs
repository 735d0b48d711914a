using NetScript.Language.Text;

namespace NetScript.Language.Syntax;

/// <summary>Constant arithmetic such as <c>1/255</c>.</summary>
public sealed record BinaryExpression(Expression Left, BinaryOperator Operator, Expression Right, TextSpan Span) : Expression(Span);
