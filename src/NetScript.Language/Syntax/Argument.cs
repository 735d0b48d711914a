using NetScript.Language.Text;

namespace NetScript.Language.Syntax;

/// <summary>A positional (<c>128</c>) or named (<c>kernel=3</c>) argument.</summary>
public sealed record Argument(Identifier? Name, Expression Value, TextSpan Span) : SyntaxNode(Span);
