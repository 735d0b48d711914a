using NetScript.Language.Text;

namespace NetScript.Language.Syntax;

/// <summary>A name as written: a keyword, a symbol, an argument or layer name.</summary>
public sealed record Identifier(string Text, TextSpan Span) : SyntaxNode(Span)
{
    public override string ToString() => Text;
}
