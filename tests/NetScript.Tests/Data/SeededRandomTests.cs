using NetScript.Data;

namespace NetScript.Tests.Data;

public sealed class SeededRandomTests
{
    [Fact]
    public void Matches_the_published_SplitMix64_sequence_for_seed_0()
    {
        var random = new SeededRandom(0);
        Assert.Equal(0xE220A8397B1DCDAFUL, random.NextUInt64());
        Assert.Equal(0x6E789E6AA1B965F4UL, random.NextUInt64());
        Assert.Equal(0x06C45D188009454FUL, random.NextUInt64());
    }

    [Fact]
    public void Gaussian_samples_have_mean_0_and_variance_1()
    {
        var random = new SeededRandom(123);
        double[] samples = Enumerable.Range(0, 200_000).Select(_ => random.NextGaussian()).ToArray();
        double mean = samples.Average();
        double variance = samples.Select(x => (x - mean) * (x - mean)).Average();
        Assert.InRange(mean, -0.01, 0.01);     // 4.5 standard errors
        Assert.InRange(variance, 0.985, 1.015);
    }

    [Fact]
    public void Shuffle_is_a_permutation_fixed_by_the_seed()
    {
        int[] a = Enumerable.Range(0, 50).ToArray(), b = Enumerable.Range(0, 50).ToArray();
        new SeededRandom(9).Shuffle(a);
        new SeededRandom(9).Shuffle(b);
        Assert.Equal(a, b);
        Assert.Equal(Enumerable.Range(0, 50), a.Order());
        Assert.NotEqual(Enumerable.Range(0, 50), a);
    }
}
