using NetScript.Language.Text;

namespace NetScript.Language.Syntax;

/// <summary><c>ensemble cnn seeds=[1, 2, 3] average=probabilities as committee</c>; without
/// <c>as</c> the ensemble takes the model's name.</summary>
public sealed record EnsembleStatement(Identifier Keyword, Identifier Model, ArgumentList Arguments, Identifier? Alias, TextSpan Span)
    : Statement(Keyword, Span)
{
    /// <summary>How many of <see cref="Arguments"/> were written after the alias (kept there by
    /// the formatter, as for <see cref="LoadStatement.TrailingArguments"/>).</summary>
    public int TrailingArguments { get; init; }
}
