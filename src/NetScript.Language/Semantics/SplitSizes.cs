namespace NetScript.Language.Semantics;

/// <summary>How many rows each part of a split gets: largest-remainder rounding of
/// count × fraction, so the sizes add up to the count exactly (ties to the earlier part) — the
/// rule of NetScript.Data's splitter, which cannot reference this project; a test holds the two
/// equal (tests/…/Data/DatasetSplitterTests).</summary>
public static class SplitSizes
{
    public static long[] Allocate(long count, IReadOnlyList<double> fractions)
    {
        double total = fractions.Sum();
        double[] exact = fractions.Select(f => count * f / total).ToArray();
        long[] sizes = exact.Select(e => (long)Math.Floor(e)).ToArray();
        long remaining = count - sizes.Sum();
        foreach (int p in Enumerable.Range(0, fractions.Count).OrderByDescending(p => exact[p] - sizes[p]).ThenBy(p => p).Take((int)remaining))
            sizes[p]++;
        return sizes;
    }
}
