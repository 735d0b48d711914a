using NetScript.Language.Text;

namespace NetScript.Language.Syntax;

/// <summary><c>threads 2</c></summary>
public sealed record ThreadsStatement(Identifier Keyword, Expression Value, TextSpan Span) : Statement(Keyword, Span);
