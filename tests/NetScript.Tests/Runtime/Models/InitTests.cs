using NetScript.Language.Semantics;
using NetScript.Runtime.Models;
using static TorchSharp.torch;

using NetScript.Tests.Runtime.Training;

namespace NetScript.Tests.Runtime.Models;

/// <summary>Each `init` scheme against its analytic statistics on a large layer with a fixed
/// seed. With n weights the sample standard deviation's relative error is about √(1/2n), so
/// for 400 000 weights (0.11%) a 2% tolerance cannot fail by chance but catches a wrong
/// formula (Xavier vs Kaiming differ by √2, fan_in vs fan_avg by 18% here).</summary>
[Collection(TorchCollection.Name)]
public sealed class InitTests
{
    const int FanIn = 400, FanOut = 1000;

    static (float[] Weight, float[] Bias) Dense(string init, int seed = 11)
    {
        manual_seed(seed);
        using var model = ModelBuilder.Build(EnginePlans.Plan($"dense {FanOut}\ninit {init}", Shape.Of(FanIn)));
        var p = model.parameters().ToList();
        return (p[0].data<float>().ToArray(), p[1].data<float>().ToArray());
    }

    static (double Mean, double Std) Stats(IReadOnlyCollection<float> values)
    {
        double mean = values.Average(v => (double)v);
        return (mean, Math.Sqrt(values.Average(v => (v - mean) * (v - mean))));
    }

    static void AssertStd(double expected, float[] weights, double tolerance = 0.02)
    {
        var (mean, std) = Stats(weights);
        Assert.True(Math.Abs(mean) < 5 * expected / Math.Sqrt(weights.Length), $"mean {mean}");
        Assert.True(Math.Abs(std / expected - 1) < tolerance, $"std {std}, expected {expected}");
    }

    [Fact]
    public void Zeros_and_constant_set_every_weight_and_bias()
    {
        var zeros = Dense("zeros");
        Assert.All(zeros.Weight, w => Assert.Equal(0f, w));
        Assert.All(zeros.Bias, b => Assert.Equal(0f, b));
        var constant = Dense("constant 0.5 bias=0.01");
        Assert.All(constant.Weight, w => Assert.Equal(0.5f, w));
        Assert.All(constant.Bias, b => Assert.Equal(0.01f, b));
    }

    [Fact]
    public void Normal_defaults_to_the_notes_small_random_init()
    {
        var (weight, bias) = Dense("normal");
        AssertStd(0.01, weight);  // W = 0.01·randn
        Assert.All(bias, b => Assert.Equal(0f, b));
        AssertStd(0.05, Dense("normal std=0.05").Weight);
    }

    [Fact]
    public void Xavier_uses_the_average_fan_or_fan_in_with_normal_or_uniform_draws()
    {
        AssertStd(Math.Sqrt(2.0 / (FanIn + FanOut)), Dense("xavier").Weight);
        AssertStd(Math.Sqrt(1.0 / FanIn), Dense("glorot mode=fan_in").Weight);
        float[] uniform = Dense("xavier dist=uniform").Weight;
        double bound = Math.Sqrt(6.0 / (FanIn + FanOut));           // √3 · std
        AssertStd(bound / Math.Sqrt(3), uniform);
        Assert.True(uniform.Max() <= bound && uniform.Min() >= -bound);
        Assert.True(uniform.Max() > 0.99 * bound, "a uniform draw reaches its bounds");
        AssertStd(5.0 / 3 * Math.Sqrt(2.0 / (FanIn + FanOut)), Dense("xavier gain=5/3").Weight);
    }

    [Fact]
    public void Kaiming_scales_by_the_gain_of_the_following_relu()
    {
        AssertStd(Math.Sqrt(2.0 / FanIn), Dense("kaiming").Weight);                        // the notes: randn·√(2/D_in)
        AssertStd(Math.Sqrt(2.0 / (1 + 0.01) / FanIn), Dense("msra nonlinearity=leaky_relu alpha=0.1").Weight);
        AssertStd(Math.Sqrt(2.0 / FanOut), Dense("kaiming mode=fan_out dist=uniform").Weight);
    }

    [Fact]
    public void Kaiming_on_a_convolution_counts_the_kernel_in_fan_in()
    {
        manual_seed(3);
        using var model = ModelBuilder.Build(EnginePlans.Plan("conv 256 kernel=3 -> flatten\ninit kaiming bias=0.01", Shape.Of(32, 5, 5)));
        var p = model.parameters().ToList();
        AssertStd(Math.Sqrt(2.0 / (32 * 3 * 3)), p[0].data<float>().ToArray());            // fan_in = C·k² = 288
        Assert.All(p[1].data<float>().ToArray(), b => Assert.Equal(0.01f, b));
    }

    [Fact]
    public void Sparse_gives_each_unit_exactly_k_random_inputs()
    {
        var (weight, _) = Dense("sparse 10 std=0.1");
        var columns = new HashSet<int>();
        for (int unit = 0; unit < FanOut; unit++)
        {
            var nonzero = Enumerable.Range(0, FanIn).Where(i => weight[unit * FanIn + i] != 0).ToList();
            Assert.Equal(10, nonzero.Count);
            columns.UnionWith(nonzero);
        }
        Assert.True(columns.Count > FanIn * 0.9, "units connect to different inputs");
        AssertStd(0.1, weight.Where(w => w != 0).ToArray(), tolerance: 0.05); // 10 000 draws: √(1/2n) = 0.7%
    }

    [Fact]
    public void Variance_preserving_init_keeps_the_activation_variance_through_a_layer()
    {
        // The notes' derivation: Var(y) = fan_in · Var(w) · Var(x) = Var(x) when Var(w) = 1/fan_in.
        manual_seed(5);
        using var model = ModelBuilder.Build(EnginePlans.Plan($"dense {FanOut}\ninit xavier mode=fan_in", Shape.Of(FanIn)));
        using var scope = NewDisposeScope();
        Tensor x = randn(4000, FanIn) * 3;                                                 // Var(x) = 9
        double variance = model.call(x).var().item<float>();
        Assert.True(Math.Abs(variance / 9 - 1) < 0.03, $"Var(y) = {variance}");
    }
}
