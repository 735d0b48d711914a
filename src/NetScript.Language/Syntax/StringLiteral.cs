using NetScript.Language.Text;

namespace NetScript.Language.Syntax;

public sealed record StringLiteral(string Value, TextSpan Span) : Expression(Span);
