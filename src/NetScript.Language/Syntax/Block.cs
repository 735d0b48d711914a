using System.Collections.Immutable;
using NetScript.Language.Text;

namespace NetScript.Language.Syntax;

/// <summary><c>{ … }</c>: chains separated by newlines or <c>;</c>.</summary>
public sealed record Block(ImmutableArray<Chain> Items, TextSpan Span) : SyntaxNode(Span);
