using NetScript.Language.Lowering;
using NetScript.Runtime.Events;
using NetScript.Runtime.Execution;

namespace NetScript.Tests.Runtime.Training;

/// <summary>`drop_last` leaves each epoch's last, smaller mini-batch out, as PyTorch's
/// DataLoader does; a model with batchnorm leaves out a last batch of one sample without being
/// asked, since batch statistics of one sample are undefined and made validation NaN.</summary>
[Collection(TorchCollection.Name)]
public sealed class DropLastTests
{
    [Theory]
    [InlineData(33, 4, false, true, true, 8)]   // 33 = 8 × 4 + 1, batchnorm: the one-sample batch goes
    [InlineData(33, 4, false, false, false, 9)] // no batchnorm: kept
    [InlineData(35, 4, false, true, false, 9)]  // a last batch of 3 is kept
    [InlineData(35, 4, true, false, true, 8)]   // drop_last: any smaller last batch goes
    [InlineData(32, 4, true, false, false, 8)]  // nothing smaller to drop
    [InlineData(3, 4, true, true, false, 1)]    // an epoch keeps its only batch
    public void The_last_batch_is_dropped_when_asked_or_when_it_is_one_sample_under_batchnorm(
        long samples, int batch, bool dropLast, bool batchNorm, bool drops, long steps)
    {
        Assert.Equal(drops, EpochSize.DropsLast(samples, batch, dropLast, batchNorm));
        Assert.Equal(steps, EpochSize.Steps(samples, batch, drops));
    }

    [Fact]
    public void Batchnorm_with_a_one_sample_last_batch_validates_to_finite_numbers()
    {
        using var workspace = new Workspace();
        var observer = new RecordingObserver();
        // 66 rows split in halves: 33 training rows in batches of 4 leave one sample over.
        const string script = """
            seed 3
            load dataset "spiral" points=22 as d
            split d into a=0.5 b=0.5
            model m { dense 8 -> batchnorm -> relu; dense 3 }
            train m on a epochs=2 batch=4 validate=b checkpoint=false stats=0
            evaluate m on b
            """;
        var result = Pipelines.Execute(script, workspace, observer);
        Assert.True(result.Succeeded, result.Failure?.ToString());
        Assert.Equal(8, Assert.Single(observer.Of<TrainingStarted>()).StepsPerEpoch);
        Assert.All(observer.Of<EpochCompleted>(), e => Assert.True(double.IsFinite(e.Validation!.Loss) && double.IsFinite(e.Train.Loss)));
        Assert.True(double.IsFinite(Assert.Single(observer.Of<EvaluationCompleted>()).Metrics.Loss));
    }

    [Fact]
    public void Drop_last_trains_on_whole_batches_only()
    {
        using var workspace = new Workspace();
        var observer = new RecordingObserver();
        const string script = """
            seed 3
            load dataset "spiral" points=22 as d
            split d into a=0.5 b=0.5
            model m { dense 3 }
            train m on a epochs=1 batch=10 drop_last checkpoint=false stats=0
            """;
        var result = Pipelines.Execute(script, workspace, observer);
        Assert.True(result.Succeeded, result.Failure?.ToString());
        Assert.Equal(3, Assert.Single(observer.Of<TrainingStarted>()).StepsPerEpoch); // 33 rows: 3 batches of 10
    }
}
