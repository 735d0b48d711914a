using NetScript.Language.Text;

namespace NetScript.Language.Syntax;

/// <summary><c>$lr</c>: a value supplied by a search.</summary>
public sealed record VariableExpression(Identifier Name, TextSpan Span) : Expression(Span);
