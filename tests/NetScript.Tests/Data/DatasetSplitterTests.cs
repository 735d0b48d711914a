using NetScript.Data;

namespace NetScript.Tests.Data;

public sealed class DatasetSplitterTests
{
    static readonly long[] Labels = Enumerable.Range(0, 100).Select(i => (long)(i < 70 ? 0 : i < 90 ? 1 : 2)).ToArray();

    [Fact]
    public void Parts_are_disjoint_cover_every_row_and_have_rounded_sizes()
    {
        long[][] parts = DatasetSplitter.Indices(Labels, [0.6, 0.25, 0.15], stratify: false, seed: 3);
        Assert.Equal([60, 25, 15], parts.Select(p => p.Length));
        Assert.Equal(Enumerable.Range(0, 100).Select(i => (long)i), parts.SelectMany(p => p).Order());
    }

    [Fact]
    public void Stratified_parts_keep_each_class_proportion()
    {
        long[][] parts = DatasetSplitter.Indices(Labels, [0.5, 0.5], stratify: true, seed: 3);
        foreach (long[] part in parts)
        {
            var counts = part.GroupBy(i => Labels[i]).ToDictionary(g => g.Key, g => g.Count());
            Assert.Equal(35, counts[0]);
            Assert.Equal(10, counts[1]);
            Assert.Equal(5, counts[2]);
        }
    }

    [Fact]
    public void The_same_seed_gives_the_same_split_and_another_seed_another()
    {
        var a = DatasetSplitter.Indices(Labels, [0.8, 0.2], true, 11);
        var b = DatasetSplitter.Indices(Labels, [0.8, 0.2], true, 11);
        var c = DatasetSplitter.Indices(Labels, [0.8, 0.2], true, 12);
        Assert.Equal(a[1], b[1]);
        Assert.NotEqual(a[1], c[1]);
    }

    [Theory]
    [InlineData(10, new[] { 1 / 3.0, 1 / 3.0, 1 / 3.0 }, new[] { 4, 3, 3 })]
    [InlineData(7, new[] { 0.5, 0.5 }, new[] { 4, 3 })]
    [InlineData(3, new[] { 0.9, 0.1 }, new[] { 3, 0 })]
    public void Largest_remainder_rounding_adds_up_exactly(int count, double[] fractions, int[] expected) =>
        Assert.Equal(expected, DatasetSplitter.Allocate(count, fractions));
}
