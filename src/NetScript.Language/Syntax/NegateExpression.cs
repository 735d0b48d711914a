using NetScript.Language.Text;

namespace NetScript.Language.Syntax;

public sealed record NegateExpression(Expression Operand, TextSpan Span) : Expression(Span);
