using System.Collections.Immutable;
using NetScript.Language.Text;

namespace NetScript.Language.Syntax;

/// <summary>Operations joined by <c>-&gt;</c> on one logical line: <c>dense 100 -&gt; relu</c>.</summary>
public sealed record Chain(ImmutableArray<Invocation> Links, TextSpan Span) : SyntaxNode(Span);
