using System.Collections.Immutable;
using NetScript.Language.Text;

namespace NetScript.Language.Syntax;

/// <summary>The <c>{ … }</c> of a search: one parameter per line.</summary>
public sealed record SearchSpace(ImmutableArray<SearchParameter> Parameters, TextSpan Span) : SyntaxNode(Span);
