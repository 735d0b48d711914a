using System.Collections.Frozen;

namespace NetScript.Language.Syntax;

/// <summary>The fixed words and limits of the language, as plain data: the parser, the
/// formatter, the REPL's completion and the TextMate grammar's test all read them here.</summary>
public static class SyntaxFacts
{
    /// <summary>Words that start a statement (the first word of a line).</summary>
    public static FrozenSet<string> StatementKeywords { get; } = FrozenSet.ToFrozenSet(
    [
        "seed", "threads", "load", "split", "kfold", "preprocess", "model", "regularize",
        "optimizer", "schedule", "loss", "metric", "layer", "train", "evaluate", "search",
        "lr_find", "ensemble", "transfer", "export",
    ], StringComparer.Ordinal);

    /// <summary>Words with a meaning only at one place inside a statement (`load … as x`,
    /// `train m on d`); they stay usable as names elsewhere.</summary>
    public static FrozenSet<string> ContextualKeywords { get; } =
        FrozenSet.ToFrozenSet(["as", "into", "on", "from", "to", "csharp"], StringComparer.Ordinal);

    /// <summary>Words that turn a preceding number into a quantity: <c>1 epoch</c>.</summary>
    public static FrozenSet<string> UnitWords { get; } =
        FrozenSet.ToFrozenSet(["epoch", "epochs", "step", "steps"], StringComparer.Ordinal);

    /// <summary>Brackets, blocks, signs and operators may nest this deep. The parser is
    /// recursive, so without a bound a pathological input (100,000 `[`) would overflow the
    /// stack; real scripts nest a handful of levels.</summary>
    public const int MaxNesting = 100;

    public static bool IsStatementKeyword(string word) => StatementKeywords.Contains(word);
}
