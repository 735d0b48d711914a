using NetScript.Language.Text;

namespace NetScript.Language.Syntax;

/// <summary><c>load dataset "spiral" classes=3 as data</c>; <see cref="Kind"/> is
/// <c>dataset</c>, <c>parquet</c> or <c>csv</c>.</summary>
public sealed record LoadStatement(
    Identifier Keyword, Identifier Kind, Expression Source, ArgumentList Arguments, Identifier Alias, TextSpan Span)
    : Statement(Keyword, Span);
