using NetScript.Runtime.Events;
using NetScript.Runtime.Models.Layers;
using NetScript.Runtime.Statistics;
using static TorchSharp.torch;

namespace NetScript.Tests.Runtime.Statistics;

/// <summary>The collector against values computed by hand, on a layer small enough to do so.</summary>
[Collection(TorchCollection.Name)]
public sealed class CollectorTests
{
    // dense: W = [[1, 0], [0, 1], [-1, -1]], b = [0, 0, -10]; inputs x = [[1, 2], [3, -1]].
    // dense output [[1, 2, -13], [3, -1, -12]]; relu output [[1, 2, 0], [3, 0, 0]].
    static nn.Module<Tensor, Tensor> SmallNetwork()
    {
        var dense = nn.Linear(2, 3);
        using (no_grad())
        {
            dense.weight!.copy_(tensor(new float[] { 1, 0, 0, 1, -1, -1 }).reshape(3, 2));
            dense.bias!.copy_(tensor(new float[] { 0, 0, -10 }));
        }
        return nn.Sequential(("dense1", dense), ("relu1", nn.ReLU()));
    }

    /// <summary>Sampling options that summarise every output on the host, or every one with libtorch ops.</summary>
    static StatisticsOptions Options(bool onHost) => new(1) { HostSummaryValues = onHost ? long.MaxValue : 0 };

    static StatisticsSampled TrainOneStep(nn.Module<Tensor, Tensor> net, double lr, bool onHost = true)
    {
        var observer = new RecordingObserver();
        using var optimizer = optim.SGD(net.parameters(), lr);
        using var collector = StatisticsCollector.Create("net", net, Options(onHost), observer)!;
        using var scope = NewDisposeScope();
        using var x = tensor(new float[] { 1, 2, 3, -1 }).reshape(2, 2);
        optimizer.zero_grad();
        collector.BeforeForward(1, 1, 1);
        Tensor loss = net.call(x).sum();                 // dL/d(relu output) = 1
        loss.backward();
        collector.AfterBackward();
        optimizer.step();
        collector.AfterOptimizerStep();
        return Assert.Single(observer.Of<StatisticsSampled>());
    }

    [Fact]
    public void Layers_are_reported_by_their_module_name_not_their_class()
    {
        // leaky_relu and softplus are one class holding its constants; the statistics name the activation.
        using var net = nn.Sequential(("dense1", nn.Linear(2, 3)), ("leaky_relu1", ScalarActivation.LeakyReLU(0.1)),
            ("softplus1", ScalarActivation.Softplus(1, 20)));
        var sample = TrainOneStep(net, 0.1);
        Assert.Equal(["Linear", "LeakyReLU", "Softplus"], sample.Layers.Select(l => l.Kind));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Activation_statistics_match_a_hand_computation(bool onHost)
    {
        using var net = SmallNetwork();
        var sample = TrainOneStep(net, 0.1, onHost);
        Assert.Equal(("net", 1, 1, 1L), (sample.Model, sample.Epoch, sample.Step, sample.GlobalStep));
        var (dense, relu) = (sample.Layers[0], sample.Layers[1]);
        Assert.Equal(("dense1", "Linear", 0, "relu1", "ReLU", 1), (dense.Layer, dense.Kind, dense.Index, relu.Layer, relu.Kind, relu.Index));

        Assert.Equal(-20 / 6.0, dense.Mean, 5);
        Assert.Equal((-13.0, 3.0), (dense.Min, dense.Max));
        Assert.Null(dense.ZeroFraction);
        Assert.Null(dense.DeadFraction);
        Assert.Null(dense.SaturatedFraction);

        Assert.Equal(1.0, relu.Mean, 5);
        Assert.Equal(Math.Sqrt(14 / 6.0 - 1), relu.Std, 5);        // population std
        Assert.Equal(0.5, relu.ZeroFraction);                       // three exact zeros of six
        Assert.Equal(1 / 3.0, relu.DeadFraction!.Value, 10);        // unit 3 is 0 for both inputs

        // 32 bins over [0, 3]: 0 → bin 0 (three times), 1 → bin 10, 2 → bin 21, 3 → last bin.
        var expected = new long[32];
        (expected[0], expected[10], expected[21], expected[31]) = (3, 1, 1, 1);
        Assert.Equal((0.0, 3.0), (relu.Histogram.Lower, relu.Histogram.Upper));
        Assert.Equal(expected, relu.Histogram.Counts);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Saturated_fractions_of_tanh_and_sigmoid_match_a_hand_computation(bool onHost)
    {
        // dense = identity: outputs [[1, 2], [3, -1]]. tanh: 0.762, 0.964, 0.995, −0.762 → two of
        // four beyond |0.9|. σ: 0.731, 0.881, 0.953, 0.269 → one of four outside [0.05, 0.95].
        static nn.Module<Tensor, Tensor> Net(string name, nn.Module<Tensor, Tensor> activation)
        {
            var dense = nn.Linear(2, 2);
            using (no_grad())
            {
                dense.weight!.copy_(eye(2));
                dense.bias!.zero_();
            }
            return nn.Sequential(("dense1", dense), (name, activation));
        }
        using var tanhNet = Net("tanh1", nn.Tanh());
        using var sigmoidNet = Net("sigmoid1", nn.Sigmoid());
        var tanh = TrainOneStep(tanhNet, 0.1, onHost).Layers[1];
        var sigmoid = TrainOneStep(sigmoidNet, 0.1, onHost).Layers[1];
        Assert.Equal(0.5, tanh.SaturatedFraction);
        Assert.Equal(0.25, sigmoid.SaturatedFraction);
        Assert.Null(tanh.ZeroFraction);
        Assert.Equal(4, tanh.Histogram.Total);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_large_output_is_histogrammed_at_fixed_positions_over_its_whole_range(bool onHost)
    {
        // 300 × 100 = 30,000 outputs > 8,192: the histogram counts 8,192 of them plus the min
        // and the max, over the whole output's range, and its shape follows the full histogram.
        manual_seed(4);
        using var net = nn.Sequential(("dense1", nn.Linear(8, 100)));
        using var x = randn(300, 8);
        var observer = new RecordingObserver();
        using (var collector = StatisticsCollector.Create("net", net, Options(onHost), observer)!)
        using (NewDisposeScope())
        {
            collector.BeforeForward(1, 1, 1);
            net.call(x).sum().backward();
            collector.AfterBackward();
            collector.AfterOptimizerStep();
        }
        var layer = Assert.Single(Assert.Single(observer.Of<StatisticsSampled>()).Layers);
        Assert.Equal(8192 + 2, layer.Histogram.Total);
        Assert.Equal((layer.Min, layer.Max), (layer.Histogram.Lower, layer.Histogram.Upper));

        using var output = net.call(x).detach().reshape(-1);
        Assert.Equal(output.min().item<float>(), layer.Min);
        float[] full = output.histc(32, 0, 0).data<float>().ToArray();
        for (int bin = 0; bin < 32; bin++)
            Assert.True(Math.Abs(full[bin] / 30_000 - layer.Histogram.Counts[bin] / 8194.0) < 0.01,
                $"bin {bin}: {full[bin] / 30_000:F4} of all outputs, {layer.Histogram.Counts[bin] / 8194.0:F4} of the sampled ones");
    }

    public static TheoryData<string, int[]> Outputs => new()
    {
        { "relu", [64, 37] },            // (B, F): units are columns; below the histogram's 8,192 values
        { "relu", [300, 100] },          // above them: fixed positions plus min and max
        { "relu", [8, 5, 6, 7] },        // (B, C, H, W): units are channels
        { "tanh", [50, 40] },
        { "sigmoid", [4, 3, 5, 5] },
        { "identity", [200, 33] },
        { "constant", [16, 9] },         // one value everywhere: the range widens to [v − 1, v + 1]
    };

    [Theory]
    [MemberData(nameof(Outputs))]
    public void Host_and_libtorch_summaries_agree(string activation, int[] shape)
    {
        manual_seed(shape.Sum());
        LayerSample Summarise(bool onHost)
        {
            nn.Module<Tensor, Tensor> layer = activation switch
            {
                "relu" => nn.ReLU(),
                "tanh" => nn.Tanh(),
                "sigmoid" => nn.Sigmoid(),
                _ => nn.Identity(),
            };
            using var net = nn.Sequential(("layer1", layer));
            var observer = new RecordingObserver();
            using var collector = StatisticsCollector.Create("net", net, Options(onHost), observer)!;
            using var scope = NewDisposeScope();
            manual_seed(7);
            Tensor x = activation == "constant" ? full(shape.Select(d => (long)d).ToArray(), 0.25f) : randn(shape.Select(d => (long)d).ToArray()).mul(2);
            collector.BeforeForward(1, 1, 1);
            net.call(x);
            collector.AfterBackward();
            collector.AfterOptimizerStep();
            return Assert.Single(Assert.Single(observer.Of<StatisticsSampled>()).Layers);
        }
        LayerSample host = Summarise(true), torch = Summarise(false);
        Assert.Equal(torch.Mean, host.Mean, 5);
        Assert.Equal(torch.Std, host.Std, 4);
        Assert.Equal((torch.Min, torch.Max), (host.Min, host.Max));
        Assert.Equal(torch.ZeroFraction, host.ZeroFraction);
        Assert.Equal(torch.DeadFraction, host.DeadFraction);
        Assert.Equal(torch.SaturatedFraction, host.SaturatedFraction);
        Assert.Equal((torch.Histogram.Lower, torch.Histogram.Upper), (host.Histogram.Lower, host.Histogram.Upper));
        Assert.Equal(torch.Histogram.Counts, host.Histogram.Counts);
    }

    [Fact]
    public void Gradient_weight_and_update_norms_match_a_hand_computation()
    {
        // relu passes the gradient where its input was positive: mask [[1, 1, 0], [1, 0, 0]].
        // ∇W = maskᵀ·x = [[4, 1], [1, 2], [0, 0]] (‖·‖ = √22); ∇b = [2, 1, 0] (‖·‖ = √5).
        // Plain SGD moves θ by −lr·∇θ, so ‖Δθ‖ = lr·‖∇θ‖.
        using var net = SmallNetwork();
        var dense = TrainOneStep(net, 0.1).Layers[0];
        var weight = dense.Parameters.Single(p => p.Name == "weight");
        var bias = dense.Parameters.Single(p => p.Name == "bias");
        Assert.Equal(2.0, weight.Norm, 6);
        Assert.Equal(10.0, bias.Norm, 6);
        Assert.Equal(Math.Sqrt(22), weight.GradientNorm!.Value, 5);
        Assert.Equal(Math.Sqrt(5), bias.GradientNorm!.Value, 5);
        Assert.Equal(0.1 * Math.Sqrt(22), weight.UpdateNorm, 5);
        Assert.Equal(0.1 * Math.Sqrt(22) / 2, weight.UpdateRatio!.Value, 5);
        Assert.Equal(Math.Sqrt(104), dense.WeightNorm!.Value, 5);
        Assert.Equal(Math.Sqrt(27), dense.GradientNorm!.Value, 5);
        Assert.Equal(0.1 * Math.Sqrt(27) / Math.Sqrt(104), dense.UpdateRatio!.Value, 5);
        Assert.Empty(TrainOneStep(net, 0.1).Layers[1].Parameters);
    }

    [Fact]
    public void Only_the_first_step_and_every_nth_after_it_are_sampled()
    {
        using var net = SmallNetwork();
        var observer = new RecordingObserver();
        using var collector = StatisticsCollector.Create("net", net, new StatisticsOptions(4), observer)!;
        using var x = tensor(new float[] { 1, 2, 3, -1 }).reshape(2, 2);
        var sampled = new List<long>();
        for (long step = 1; step <= 10; step++)
        {
            using var scope = NewDisposeScope();
            if (collector.BeforeForward(1, (int)step, step)) sampled.Add(step);
            net.call(x).sum().backward();
            collector.AfterBackward();
            collector.AfterOptimizerStep();
        }
        Assert.Equal([1L, 5, 9], sampled);
        Assert.Equal(sampled, observer.Of<StatisticsSampled>().Select(s => s.GlobalStep));
        Assert.Null(StatisticsCollector.Create("net", net, new StatisticsOptions(0), observer));
    }

    [Fact]
    public void A_step_that_is_not_sampled_creates_no_tensor()
    {
        using var net = SmallNetwork();
        using var x = tensor(new float[] { 1, 2, 3, -1 }).reshape(2, 2);
        long TensorsCreatedByOneStep(StatisticsCollector? collector, long globalStep)
        {
            using var scope = NewDisposeScope();
            var before = TorchSharp.DisposeScopeManager.Statistics.CreatedInScopeCount;
            collector?.BeforeForward(1, 2, globalStep);
            net.call(x).sum().backward();
            collector?.AfterBackward();
            collector?.AfterOptimizerStep();
            return TorchSharp.DisposeScopeManager.Statistics.CreatedInScopeCount - before;
        }
        using var collector = StatisticsCollector.Create("net", net, new StatisticsOptions(50), new RecordingObserver())!;
        long plain = TensorsCreatedByOneStep(null, 2);
        Assert.Equal(plain, TensorsCreatedByOneStep(collector, 2));
        Assert.True(TensorsCreatedByOneStep(collector, 51) > plain);
    }
}
