namespace NetScript.Language.Semantics;

/// <summary>The folds a <c>kfold</c> statement defines: <see cref="K"/> held-out parts of
/// <see cref="Source"/> as it was at that statement (<see cref="Info"/>). Preprocessing that
/// comes after the statement (from index <see cref="PreprocessingFrom"/> of the session's
/// preprocessing) is fitted again on each fold's training part when the folds are trained on.</summary>
public sealed record FoldsSymbol(string Name, string Source, DatasetInfo Info, int K, bool Stratify, long Seed, int PreprocessingFrom, string DefinedAt)
{
    /// <summary>What <see cref="SessionSymbols.KindOf"/> calls it in messages.</summary>
    public const string Kind = "k-fold split";

    /// <summary>The rows the smallest training part holds (all but the largest fold), when known.</summary>
    public long? TrainRows => Info.Rows is { } rows ? rows - (rows + K - 1) / K : null;
}
