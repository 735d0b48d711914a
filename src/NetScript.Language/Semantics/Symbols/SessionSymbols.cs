using System.Collections.Immutable;
using NetScript.Language.Schema;

namespace NetScript.Language.Semantics;

/// <summary>Everything earlier statements defined: the scope a new statement (or REPL
/// submission) is checked against. Immutable; each checked step yields a new one.</summary>
public sealed record SessionSymbols(
    ImmutableDictionary<string, DatasetSymbol> Datasets,
    ImmutableDictionary<string, ModelSymbol> Models,
    OptimizerSettings? Optimizer,
    long Seed,
    ImmutableArray<PreprocessOperation> Preprocessing)
{
    public static SessionSymbols Empty { get; } = new(
        ImmutableDictionary<string, DatasetSymbol>.Empty,
        ImmutableDictionary<string, ModelSymbol>.Empty,
        null,
        (long)StatementSchema.Seed.Parameters[0].Default!,
        ImmutableArray<PreprocessOperation>.Empty);

    /// <summary>The learning-rate schedule of later trainings (null: constant).</summary>
    public ScheduleSettings? Schedule { get; init; }

    /// <summary>Names of <c>loss</c>, <c>metric</c> and <c>layer</c> statements.</summary>
    public ImmutableDictionary<string, DefinitionSymbol> Definitions { get; init; } = ImmutableDictionary<string, DefinitionSymbol>.Empty;

    /// <summary>The rows each earlier `preprocess` statement fitted its statistics on; validating
    /// or evaluating on any of them later is a leak (NS0401).</summary>
    public ImmutableArray<PreprocessFit> Fits { get; init; } = ImmutableArray<PreprocessFit>.Empty;

    /// <summary>Folds of <c>kfold</c> statements, which only <c>train MODEL on FOLDS</c> takes.</summary>
    public ImmutableDictionary<string, FoldsSymbol> Folds { get; init; } = ImmutableDictionary<string, FoldsSymbol>.Empty;

    /// <summary>The kind of thing a name refers to, or null when free.</summary>
    public string? KindOf(string name) =>
        Datasets.ContainsKey(name) ? "dataset" : Models.ContainsKey(name) ? "model"
        : Definitions.TryGetValue(name, out var definition) ? definition.Noun
        : Folds.ContainsKey(name) ? FoldsSymbol.Kind : null;

    public string? DefinedAt(string name) =>
        Datasets.TryGetValue(name, out var d) ? d.DefinedAt : Models.TryGetValue(name, out var m) ? m.DefinedAt
        : Definitions.TryGetValue(name, out var definition) ? definition.DefinedAt
        : Folds.TryGetValue(name, out var folds) ? folds.DefinedAt : null;
}
