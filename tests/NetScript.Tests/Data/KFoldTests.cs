using NetScript.Data;

namespace NetScript.Tests.Data;

public sealed class KFoldTests
{
    // 70 / 20 / 13 rows of three classes: sizes that do not divide by 5.
    static readonly long[] Labels = Enumerable.Range(0, 103).Select(i => (long)(i < 70 ? 0 : i < 90 ? 1 : 2)).ToArray();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Every_row_validates_exactly_once_and_trains_in_the_other_folds(bool stratify)
    {
        Fold[] folds = DatasetSplitter.KFold(Labels, 5, stratify, seed: 7);
        Assert.Equal(5, folds.Length);
        Assert.Equal(Enumerable.Range(0, 103).Select(i => (long)i), folds.SelectMany(f => f.Validation).Order());
        foreach (Fold fold in folds)
        {
            Assert.Empty(fold.Train.Intersect(fold.Validation));
            Assert.Equal(103, fold.Train.Length + fold.Validation.Length);
            Assert.Equal(fold.Train.Order(), fold.Train);
        }
        Assert.Equal([21, 21, 21, 20, 20], folds.Select(f => f.Validation.Length).OrderDescending());
    }

    [Fact]
    public void Stratified_folds_hold_each_class_in_proportion()
    {
        Fold[] folds = DatasetSplitter.KFold(Labels, 5, stratify: true, seed: 7);
        for (long label = 0; label < 3; label++)
        {
            var counts = folds.Select(f => f.Validation.Count(i => Labels[i] == label)).ToArray();
            Assert.True(counts.Max() - counts.Min() <= 1, $"class {label}: {string.Join(", ", counts)}");
        }
        Assert.Equal([14, 14, 14, 14, 14], folds.Select(f => f.Validation.Count(i => Labels[i] == 0)));
    }

    [Fact]
    public void Folds_are_fixed_by_the_seed()
    {
        var a = DatasetSplitter.KFold(Labels, 4, true, 3);
        var b = DatasetSplitter.KFold(Labels, 4, true, 3);
        var c = DatasetSplitter.KFold(Labels, 4, true, 4);
        Assert.Equal(a.Select(f => f.Validation), b.Select(f => f.Validation));
        Assert.NotEqual(a[0].Validation, c[0].Validation);
    }

    [Fact]
    public void Too_many_folds_or_too_few_are_rejected()
    {
        Assert.Throws<DataException>(() => DatasetSplitter.KFold(new long[3], 4, false, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => DatasetSplitter.KFold(new long[3], 1, false, 1));
    }
}
