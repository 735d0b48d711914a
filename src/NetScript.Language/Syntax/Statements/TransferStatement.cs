using NetScript.Language.Text;

namespace NetScript.Language.Syntax;

/// <summary><c>transfer cnn from "runs/base/best.ckpt" freeze=[conv*] replace=dense:last lr=1e-4</c>;
/// without <c>as</c> the model itself is fine-tuned.</summary>
public sealed record TransferStatement(
    Identifier Keyword, Identifier Model, Expression Source, ArgumentList Arguments, Identifier? Alias, TextSpan Span)
    : Statement(Keyword, Span)
{
    /// <summary>How many of <see cref="Arguments"/> were written after the alias (kept there by
    /// the formatter, as for <see cref="LoadStatement.TrailingArguments"/>).</summary>
    public int TrailingArguments { get; init; }
}
