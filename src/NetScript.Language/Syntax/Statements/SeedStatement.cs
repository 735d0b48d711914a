using NetScript.Language.Text;

namespace NetScript.Language.Syntax;

/// <summary><c>seed 42</c></summary>
public sealed record SeedStatement(Identifier Keyword, Expression Value, TextSpan Span) : Statement(Keyword, Span);
