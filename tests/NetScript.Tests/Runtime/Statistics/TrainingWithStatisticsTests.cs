using NetScript.Runtime.Events;
using NetScript.Runtime.Execution;

namespace NetScript.Tests.Runtime.Statistics;

[Collection(TorchCollection.Name)]
public sealed class TrainingWithStatisticsTests
{
    static List<EpochCompleted> Train(string stats, RecordingObserver observer)
    {
        using var workspace = new Workspace();
        var result = Pipelines.Execute($"""
            seed 4
            threads 1
            load dataset "spiral" classes=3 points=30 as d
            model mlp {"{"} dense 16 -> relu; dense 3 {"}"}
            optimizer sgd lr=0.1 momentum=0.9
            train mlp on d epochs=3 batch=8 stats={stats}

            """, workspace, observer);
        Assert.True(result.Succeeded, result.Failure?.Message);
        return observer.Of<EpochCompleted>().ToList();
    }

    [Fact]
    public void Sampling_every_step_does_not_change_what_is_learned()
    {
        var off = new RecordingObserver();
        var every = new RecordingObserver();
        Assert.Equal(Train("0", off).Select(e => e.Train), Train("1", every).Select(e => e.Train));
        Assert.Empty(off.Of<StatisticsSampled>());
        Assert.Equal(3 * 12, every.Of<StatisticsSampled>().Count());                 // 90 rows / 8 = 12 steps per epoch
        var thirteenth = every.Of<StatisticsSampled>().ElementAt(12);
        Assert.Equal((2, 1, 13L), (thirteenth.Epoch, thirteenth.Step, thirteenth.GlobalStep));
    }
}
