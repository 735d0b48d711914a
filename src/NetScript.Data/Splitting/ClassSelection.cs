using static TorchSharp.torch;

namespace NetScript.Data;

/// <summary>Narrows a classification dataset to some classes and to a number of rows per class
/// (<c>load dataset "fashion-mnist" classes=[5, 6, 7, 8, 9] per_class=100</c>). The kept classes
/// are relabelled 0 … K−1 in the order listed; per class, the first <c>perClass</c> rows of a
/// seeded shuffle are kept. Rows stay in their original order.</summary>
public static class ClassSelection
{
    /// <summary>The row indices kept and each kept row's new label.</summary>
    /// <param name="classes">Original class ids to keep, in their new order (empty: every class, labels unchanged).</param>
    public static (long[] Rows, long[] Labels) Indices(long[] labels, int totalClasses, IReadOnlyList<int> classes, int? perClass, long seed)
    {
        IReadOnlyList<int> kept = classes.Count > 0 ? classes : Enumerable.Range(0, totalClasses).ToList();
        var newLabel = new Dictionary<long, long>();
        for (int i = 0; i < kept.Count; i++) newLabel[kept[i]] = i;
        var byClass = kept.Select(_ => new List<long>()).ToArray();
        for (long row = 0; row < labels.LongLength; row++)
            if (newLabel.TryGetValue(labels[row], out long label)) byClass[label].Add(row);
        if (perClass is { } n)
        {
            var random = new SeededRandom(seed);
            for (int c = 0; c < byClass.Length; c++)
            {
                if (byClass[c].Count < n)
                    throw new DataException($"per_class={n}, but class {kept[c]} has only {byClass[c].Count} rows");
                random.Shuffle(byClass[c]);
                byClass[c] = byClass[c].GetRange(0, n);
            }
        }
        long[] rows = byClass.SelectMany(r => r).Order().ToArray();
        return (rows, rows.Select(r => newLabel[labels[r]]).ToArray());
    }

    /// <summary>The selected rows as a new dataset with K = the kept classes (copies).</summary>
    public static TensorDataset Apply(TensorDataset data, IReadOnlyList<int> classes, int? perClass, long seed)
    {
        if (data.IsRegression) throw new DataException("class selection needs class labels, not real-valued targets");
        if (classes.FirstOrDefault(c => c < 0 || c >= data.Classes) is var bad && classes.Any(c => c < 0 || c >= data.Classes))
            throw new DataException($"class {bad} does not exist (the classes are 0 … {data.Classes - 1})");
        var (rows, labels) = Indices(data.LabelArray(), data.Classes, classes, perClass, seed);
        using var index = tensor(rows);
        return new TensorDataset(data.Features.index_select(0, index), tensor(labels), classes.Count > 0 ? classes.Count : data.Classes);
    }
}
