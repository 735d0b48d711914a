using NetScript.Runtime.Events;
using NetScript.Runtime.Statistics;
using static TorchSharp.torch;

namespace NetScript.Tests.Runtime.Statistics;

/// <summary>Runs the statistics collector on a module built in C#, as the trainer does.</summary>
internal static class Sampling
{
    /// <summary>One sampled forward pass (no backward: the notes' figures are of the forward
    /// pass at initialisation).</summary>
    public static StatisticsSampled Forward(nn.Module<Tensor, Tensor> module, Tensor x, StatisticsOptions? options = null)
    {
        var observer = new RecordingObserver();
        using var collector = StatisticsCollector.Create("net", module, options ?? new StatisticsOptions(1), observer)!;
        using (no_grad())
        using (NewDisposeScope())
        {
            Assert.True(collector.BeforeForward(1, 1, 1));
            module.call(x);
            collector.AfterBackward();
            collector.AfterOptimizerStep();
        }
        return Assert.Single(observer.Of<StatisticsSampled>());
    }

    /// <summary>The notes' deep network: six 4096-wide fully connected layers with tanh and
    /// no bias, children named linear1, tanh1, … linear6, tanh6.</summary>
    public static nn.Module<Tensor, Tensor> TanhNetwork(int layers, int width, Func<int, double> weightStd)
    {
        var children = new List<(string, nn.Module<Tensor, Tensor>)>();
        for (int l = 1; l <= layers; l++)
        {
            var linear = nn.Linear(width, width, hasBias: false);
            using (no_grad()) nn.init.normal_(linear.weight!, 0, weightStd(width));
            children.Add(($"linear{l}", linear));
            children.Add(($"tanh{l}", nn.Tanh()));
        }
        return nn.Sequential(children);
    }
}
