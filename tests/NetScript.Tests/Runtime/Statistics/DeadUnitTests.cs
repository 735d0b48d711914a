using NetScript.Runtime.Events;
using NetScript.Runtime.Execution;
using NetScript.Runtime.Statistics;
using static TorchSharp.torch;

namespace NetScript.Tests.Runtime.Statistics;

/// <summary>Dead ReLUs (the notes: a unit whose input is negative for every example never
/// fires and never learns again; a high learning rate knocks many units there).</summary>
[Collection(TorchCollection.Name)]
public sealed class DeadUnitTests
{
    [Fact]
    public void Units_with_a_large_negative_bias_are_counted_dead_and_revive_when_it_is_removed()
    {
        manual_seed(9);
        var dense = nn.Linear(4, 8);
        using (no_grad()) dense.bias!.narrow(0, 0, 3).fill_(-100);        // units 0–2 can never fire
        using var net = nn.Sequential(("dense1", dense), ("relu1", nn.ReLU()));
        var observer = new RecordingObserver();
        using var collector = StatisticsCollector.Create("net", net, new StatisticsOptions(1) { DeadWindow = 3 }, observer)!;
        using var x = randn(64, 4);
        void Sample(long step)
        {
            using var scope = NewDisposeScope();
            collector.BeforeForward(1, (int)step, step);
            net.call(x);
            collector.AfterBackward();
            collector.AfterOptimizerStep();
        }
        Sample(1);
        Sample(2);
        using (no_grad()) dense.bias!.narrow(0, 0, 3).fill_(100);         // now always active
        Sample(3);
        var relu = observer.Of<StatisticsSampled>().Select(s => s.Layers.Single(l => l.Layer == "relu1")).ToList();
        // With 64 Gaussian inputs every other unit fires on some input.
        Assert.Equal([3 / 8.0, 3 / 8.0, 0], relu.Select(r => r.DeadFraction!.Value));
    }

    [Fact]
    public void A_window_counts_a_unit_dead_only_after_that_many_silent_samples()
    {
        var tracker = new DeadUnitTrackerProbe(units: 2, window: 3);
        // Unit 0 fires once at sample 0 and never again; unit 1 fires at samples 0 and 3.
        double[] dead = [tracker.Update(1, 1), tracker.Update(0, 0), tracker.Update(0, 0), tracker.Update(0, 1), tracker.Update(0, 0)];
        Assert.Equal([0, 0, 0, 0.5, 0.5], dead);
    }

    [Fact]
    public void A_high_learning_rate_kills_most_relus_and_a_moderate_one_does_not()
    {
        double DeadAfterTraining(string lr)
        {
            var observer = new RecordingObserver();
            using var workspace = new Workspace();
            var result = Pipelines.Execute($"""
                seed 1
                threads 1
                load dataset "spiral" classes=3 points=100 as d
                split d into train=0.8 val=0.2 stratify
                preprocess {"{"} standardize {"}"}
                model mlp {"{"} dense 64 -> relu; dense 3 {"}"}
                optimizer sgd lr={lr}
                train mlp on train epochs=20 batch=16 stats=5

                """, workspace, observer);
            Assert.True(result.Succeeded, result.Failure?.Message);
            return observer.Of<StatisticsSampled>().Last().Layers.Single(l => l.Layer == "relu1").DeadFraction!.Value;
        }
        double moderate = DeadAfterTraining("0.1"), high = DeadAfterTraining("10");
        Assert.True(moderate < 0.05, $"lr=0.1 left {moderate:P1} of the ReLUs dead");
        Assert.True(high > 0.9, $"lr=10 left only {high:P1} of the ReLUs dead");
    }

    /// <summary>The tracker is internal to the runtime; drive it with one value per unit.</summary>
    sealed class DeadUnitTrackerProbe(int units, int window)
    {
        readonly DeadUnitTracker _tracker = new(units, window);

        public double Update(params float[] active) => _tracker.Update(active);
    }
}
