using NetScript.Runtime.Events;
using NetScript.Runtime.Statistics;
using static TorchSharp.torch;

namespace NetScript.Tests.Runtime.Statistics;

/// <summary>Statistics never grow with the length of a run: buffers have fixed capacities and
/// the collector holds no tensor between samples.</summary>
public sealed class BoundedMemoryTests
{
    [Fact]
    public void A_ring_buffer_keeps_the_latest_items_in_order()
    {
        var ring = new RingBuffer<int>(3);
        for (int i = 1; i <= 7; i++) ring.Add(i);
        Assert.Equal([5, 6, 7], ring.ToList());
        Assert.Equal((3, 7), (ring.Count, ring.Latest));
    }

    [Fact]
    public void A_decimating_series_keeps_evenly_spaced_items_from_the_first()
    {
        var series = new DecimatingSeries<int>(8);
        for (int i = 0; i < 1000; i++) series.Add(i);
        // 1000 items into 8 slots: the stride doubled to 128, keeping 0, 128, …, 896.
        Assert.Equal(128, series.Stride);
        Assert.Equal(Enumerable.Range(0, 8).Select(k => 128 * k), series.Items);
    }

    [Fact]
    public void The_history_of_a_long_run_stays_within_its_capacities()
    {
        var history = new StatisticsHistory(recent: 16, timeline: 32, epochs: 8);
        history.Add(new TrainingStarted("m", "d", 100_000, 10, 10, 1, "sgd"));
        var histogram = new ActivationHistogram(0, 1, new long[32]);
        for (long step = 1; step <= 100_000; step++)
        {
            var layer = new LayerSample("relu1", "ReLU", 0, 0, 1, 0, 1, 0, 0, null, histogram, []);
            history.Add(new StatisticsSampled("m", 1, 1, step, [layer]));
            if (step % 10 == 0) history.Add(new EpochCompleted("m", (int)(step / 10), 10_000, new Metrics(1, 0), null, 1, TimeSpan.Zero));
        }
        Assert.Equal(16, history.Recent.Count);
        Assert.InRange(history.Timeline.Count, 16, 32);
        Assert.InRange(history.Epochs.Count, 4, 8);
        Assert.Equal(1, history.First!.GlobalStep);
        Assert.Equal(100_000, history.Latest!.GlobalStep);
        Assert.Equal(100_000 - 15, history.Recent.ToList()[0].GlobalStep);
    }
}

[Collection(TorchCollection.Name)]
public sealed class CollectorMemoryTests
{
    [Fact]
    public void Sampling_every_step_for_a_thousand_steps_leaves_no_tensor_behind()
    {
        manual_seed(5);
        using var net = nn.Sequential(("dense1", nn.Linear(8, 32)), ("relu1", nn.ReLU()), ("dense2", nn.Linear(32, 3)));
        using var optimizer = optim.SGD(net.parameters(), 0.01);
        using var x = randn(16, 8);
        using var y = randint(0, 3, [16]);
        var observer = new CountingObserver();
        using var collector = StatisticsCollector.Create("net", net, new StatisticsOptions(1), observer)!;
        long live = 0;
        for (long step = 1; step <= 1000; step++)
        {
            using (NewDisposeScope())
            {
                optimizer.zero_grad();
                collector.BeforeForward(1, (int)step, step);
                nn.functional.cross_entropy(net.call(x), y).backward();
                collector.AfterBackward();
                optimizer.step();
                collector.AfterOptimizerStep();
            }
            if (step == 10) live = TorchSharp.DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        }
        Assert.Equal(1000, observer.Samples);
        Assert.Equal(live, TorchSharp.DisposeScopeManager.Statistics.ThreadTotalLiveCount);
    }

    sealed class CountingObserver : IRunObserver
    {
        public int Samples { get; private set; }

        public void OnEvent(RunEvent e) => Samples += e is StatisticsSampled ? 1 : 0;
    }
}
