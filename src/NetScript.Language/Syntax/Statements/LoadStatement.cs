using NetScript.Language.Text;

namespace NetScript.Language.Syntax;

/// <summary><c>load dataset "spiral" classes=3 as data</c>; <see cref="Kind"/> is
/// <c>dataset</c>, <c>parquet</c> or <c>csv</c>. Arguments may also follow the alias
/// (<c>load parquet "x.parquet" as d label=y</c>): <see cref="Arguments"/> holds all of them, the
/// last <see cref="TrailingArguments"/> written after the alias (the formatter keeps them there,
/// because moving them could change how they parse).</summary>
public sealed record LoadStatement(
    Identifier Keyword, Identifier Kind, Expression Source, ArgumentList Arguments, Identifier Alias, TextSpan Span)
    : Statement(Keyword, Span)
{
    public int TrailingArguments { get; init; }
}
