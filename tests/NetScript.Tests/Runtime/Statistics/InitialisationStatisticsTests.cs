using NetScript.Runtime.Events;
using NetScript.Runtime.Statistics;
using static TorchSharp.torch;

namespace NetScript.Tests.Runtime.Statistics;

/// <summary>The notes' weight-initialisation experiment (a 6-layer, 4096-wide tanh network
/// fed 16 unit-Gaussian inputs), measured through the statistics collector: N(0, 0.01²)
/// weights make activations collapse towards 0 layer after layer, N(0, 0.05²) saturates
/// them at ±1, Xavier (std 1/√fan_in) keeps them at a similar scale.</summary>
[Collection(TorchCollection.Name)]
public sealed class InitialisationStatisticsTests
{
    const int Layers = 6, Width = 4096, Batch = 16;

    static List<LayerSample> TanhOutputs(Func<int, double> weightStd)
    {
        manual_seed(231);
        using var net = Sampling.TanhNetwork(Layers, Width, weightStd);
        using var x = randn(Batch, Width);                                   // (16, 4096)
        var sample = Sampling.Forward(net, x);
        return sample.Layers.Where(l => l.Kind == "Tanh").ToList();
    }

    [Fact]
    public void Small_random_weights_make_activations_shrink_layer_by_layer()
    {
        var tanh = TanhOutputs(_ => 0.01);
        Assert.Equal(Layers, tanh.Count);
        for (int l = 1; l < Layers; l++)
            Assert.True(tanh[l].Std < tanh[l - 1].Std, $"std of layer {l + 1} ({tanh[l].Std}) is not below layer {l} ({tanh[l - 1].Std})");
        double shrink = tanh[0].Std / tanh[^1].Std;
        Assert.True(shrink > 10, $"std shrank only {shrink:0.0}× from layer 1 to 6: {Stds(tanh)}");
        // The collapse shows on tanh's fixed [-1, 1] axis: layer 1 spans the whole axis, every
        // output of layer 6 lies in the 8 central bins (|a| < 0.25).
        Assert.Equal((-1.0, 1.0), (tanh[^1].Histogram.Lower, tanh[^1].Histogram.Upper));
        Assert.True(tanh[0].Histogram.Counts[0] > 0 && tanh[0].Histogram.Counts[^1] > 0);
        var last = tanh[^1].Histogram;
        int central = last.Counts.Count / 2 - 4;
        // 65,536 outputs: counted at the 8,192 fixed positions, plus the min and the max.
        Assert.Equal(new StatisticsOptions(1).HistogramValues + 2, last.Total);
        Assert.Equal(last.Total, last.Counts.Skip(central).Take(8).Sum());
    }

    [Fact]
    public void Larger_random_weights_saturate_the_deep_layers()
    {
        var tanh = TanhOutputs(_ => 0.05);
        foreach (LayerSample layer in tanh.Skip(1))
            Assert.True(layer.SaturatedFraction > 0.5, $"{layer.Layer}: only {layer.SaturatedFraction:P1} of |a| > 0.9");
        // Saturated means piled up in the outer bins of the histogram too.
        var last = tanh[^1].Histogram;
        long outer = last.Counts.Take(2).Sum() + last.Counts.TakeLast(2).Sum();
        Assert.True(outer > last.Total / 3, $"outer bins hold {outer} of {last.Total}");
    }

    [Fact]
    public void Xavier_keeps_the_activation_scale_within_a_factor_of_about_two()
    {
        // Measured 0.63, 0.49, 0.41, 0.36, 0.32, 0.29 (the notes' figure): a slow decline, far
        // from the 0.01 init's collapse; the deep layers stay clear of saturation.
        var tanh = TanhOutputs(fanIn => 1 / Math.Sqrt(fanIn));
        double largest = tanh.Max(l => l.Std), smallest = tanh.Min(l => l.Std);
        Assert.True(largest / smallest < 2.25, $"std varies {largest / smallest:0.00}× across layers: {Stds(tanh)}");
        Assert.All(tanh.Skip(1), l => Assert.True(l.SaturatedFraction < 0.05, $"{l.Layer} saturated {l.SaturatedFraction:P1}"));
    }

    [Fact]
    public void The_notes_six_panel_figure_is_drawn_from_the_samples()
    {
        string folder = Scripts.TempDirectory();
        foreach (var (name, std) in new (string, Func<int, double>)[] { ("0.01", _ => 0.01), ("0.05", _ => 0.05), ("xavier", w => 1 / Math.Sqrt(w)) })
        {
            manual_seed(231);
            using var net = Sampling.TanhNetwork(Layers, Width, std);
            using var x = randn(Batch, Width);
            string path = Path.Combine(folder, $"init-{name}.png");
            Assert.Equal(path, NetScript.Runtime.Statistics.Plots.ActivationHistogramsPlot.Write($"W ~ {name}", Sampling.Forward(net, x), "initialisation", path));
            Assert.Equal((6 * 300, 330), Png.Size(path));   // one panel per tanh layer, in a row
        }
    }

    static string Stds(IEnumerable<LayerSample> layers) => string.Join(", ", layers.Select(l => $"{l.Layer} {l.Std:0.0000}"));
}
