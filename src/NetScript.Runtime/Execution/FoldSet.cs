using NetScript.Data;

namespace NetScript.Runtime.Execution;

/// <summary>The folds of a `kfold` statement: its own copy of the source's rows as they were
/// then (a later `preprocess` replaces the source's tensors, not these) and, per fold, the
/// row indices it trains and validates on. Owns <see cref="Data"/>.</summary>
public sealed class FoldSet(string source, TensorDataset data, IReadOnlyList<Fold> folds) : IDisposable
{
    public string Source { get; } = source;

    public TensorDataset Data { get; } = data;

    public IReadOnlyList<Fold> Folds { get; } = folds;

    public void Dispose() => Data.Dispose();
}
