using System.Collections.Immutable;
using NetScript.Language.Text;

namespace NetScript.Language.Syntax;

public sealed record ArgumentList(ImmutableArray<Argument> Items, TextSpan Span) : SyntaxNode(Span)
{
    public static ArgumentList Empty(int at) => new(ImmutableArray<Argument>.Empty, new TextSpan(at, 0));
}
