using NetScript.Language.Text;

namespace NetScript.Language.Syntax;

/// <summary><c>kfold train k=5 stratify as folds</c>: k-fold cross-validation folds of a dataset.</summary>
public sealed record KfoldStatement(Identifier Keyword, Identifier Source, ArgumentList Arguments, Identifier Alias, TextSpan Span)
    : Statement(Keyword, Span)
{
    /// <summary>How many of <see cref="Arguments"/> were written after the alias (kept there by
    /// the formatter, as for <see cref="LoadStatement.TrailingArguments"/>).</summary>
    public int TrailingArguments { get; init; }
}
