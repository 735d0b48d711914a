namespace NetScript.Data;

/// <summary>Seeded random splits by fractions, and k-fold cross-validation folds, optionally
/// stratified by class.</summary>
public static class DatasetSplitter
{
    /// <summary>Row indices of each part. Sizes use largest-remainder rounding so they add up
    /// to the row count exactly; with <paramref name="stratify"/> this is done per class.</summary>
    public static long[][] Indices(long[] labels, double[] fractions, bool stratify, long seed)
    {
        var random = new SeededRandom(seed);
        var parts = fractions.Select(_ => new List<long>()).ToArray();
        foreach (List<long> group in Groups(labels, stratify))
        {
            random.Shuffle(group);
            int[] sizes = Allocate(group.Count, fractions);
            int offset = 0;
            for (int p = 0; p < parts.Length; p++)
            {
                parts[p].AddRange(group.GetRange(offset, sizes[p]));
                offset += sizes[p];
            }
        }
        // Interleave the classes within each part.
        foreach (List<long> part in parts) random.Shuffle(part);
        return parts.Select(p => p.ToArray()).ToArray();
    }

    public static TensorDataset[] Split(TensorDataset data, double[] fractions, bool stratify, long seed) =>
        Indices(Labels(data, stratify), fractions, stratify, seed).Select(data.Select).ToArray();

    /// <summary>Folds for k-fold cross-validation: the rows are shuffled (seeded) and dealt
    /// into <paramref name="k"/> validation parts whose sizes differ by at most one; with
    /// <paramref name="stratify"/> each class is dealt in turn, so every fold holds each class
    /// in proportion (counts differ by at most one). Each fold trains on the other k − 1
    /// parts. Indices are sorted within each part.</summary>
    public static Fold[] KFold(long[] labels, int k, bool stratify, long seed)
    {
        if (k < 2) throw new ArgumentOutOfRangeException(nameof(k), k, "k-fold cross-validation needs at least 2 folds");
        if (k > labels.Length) throw new DataException($"cannot make {k} folds of {labels.Length} rows");
        var random = new SeededRandom(seed);
        var parts = Enumerable.Range(0, k).Select(_ => new List<long>()).ToArray();
        int next = 0; // continues across classes, so small classes do not all land in fold 0
        foreach (List<long> group in Groups(labels, stratify))
        {
            random.Shuffle(group);
            foreach (long row in group) parts[next++ % k].Add(row);
        }
        var validation = parts.Select(p => p.Order().ToArray()).ToArray();
        return Enumerable.Range(0, k)
            .Select(f => new Fold(validation.Where((_, p) => p != f).SelectMany(p => p).Order().ToArray(), validation[f]))
            .ToArray();
    }

    public static Fold[] KFold(TensorDataset data, int k, bool stratify, long seed) => KFold(Labels(data, stratify), k, stratify, seed);

    static long[] Labels(TensorDataset data, bool stratify)
    {
        if (!data.IsRegression) return data.LabelArray();
        if (stratify) throw new DataException("cannot stratify a regression dataset: its labels are not classes");
        return new long[data.Count];
    }

    static IEnumerable<List<long>> Groups(long[] labels, bool stratify) => stratify
        ? labels.Select((label, row) => (label, row: (long)row)).GroupBy(x => x.label).OrderBy(g => g.Key).Select(g => g.Select(x => x.row).ToList())
        : [Enumerable.Range(0, labels.Length).Select(i => (long)i).ToList()];

    internal static int[] Allocate(int count, double[] fractions)
    {
        double total = fractions.Sum();
        double[] exact = fractions.Select(f => count * f / total).ToArray();
        int[] sizes = exact.Select(e => (int)Math.Floor(e)).ToArray();
        int remaining = count - sizes.Sum();
        foreach (int p in Enumerable.Range(0, fractions.Length).OrderByDescending(p => exact[p] - sizes[p]).ThenBy(p => p).Take(remaining))
            sizes[p]++;
        return sizes;
    }
}
