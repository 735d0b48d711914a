using System.Collections.Immutable;
using NetScript.Language.Text;

namespace NetScript.Language.Syntax;

public sealed record ListExpression(ImmutableArray<Expression> Items, TextSpan Span) : Expression(Span);
