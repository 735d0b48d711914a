namespace NetScript.Data;

/// <summary>Seeded random splits by fractions, optionally stratified by class.</summary>
public static class DatasetSplitter
{
    /// <summary>Row indices of each part. Sizes use largest-remainder rounding so they add up
    /// to the row count exactly; with <paramref name="stratify"/> this is done per class.</summary>
    public static long[][] Indices(long[] labels, double[] fractions, bool stratify, long seed)
    {
        var random = new SeededRandom(seed);
        var parts = fractions.Select(_ => new List<long>()).ToArray();
        IEnumerable<List<long>> groups = stratify
            ? labels.Select((label, row) => (label, row: (long)row)).GroupBy(x => x.label).OrderBy(g => g.Key).Select(g => g.Select(x => x.row).ToList())
            : [Enumerable.Range(0, labels.Length).Select(i => (long)i).ToList()];
        foreach (List<long> group in groups)
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
        Indices(data.LabelArray(), fractions, stratify, seed).Select(data.Select).ToArray();

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
