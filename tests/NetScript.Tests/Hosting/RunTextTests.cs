using NetScript.Hosting;
using NetScript.Runtime.Events;
using NetScript.Runtime.Execution;

namespace NetScript.Tests.Hosting;

/// <summary>What a run shows: early stopping says where it stopped and which epoch's weights it
/// kept, the last epoch's line always prints, and `top_k=` shows in the epoch and evaluate lines.</summary>
[Collection(TorchCollection.Name)]
public sealed class RunTextTests
{
    [Fact]
    public void Early_stopping_says_where_it_stopped_and_which_epoch_it_restored()
    {
        using var workspace = new Workspace();
        var observer = new RecordingObserver();
        // min_delta=100: no epoch after the first improves, so patience 1 stops at epoch 2 and restores epoch 1.
        const string script = """
            seed 1
            load dataset "spiral" points=20 as d
            split d into a=0.5 b=0.5
            model m { dense 8 -> relu; dense 3 }
            train m on a epochs=50 validate=b top_k=2 early_stop(metric=val_loss, patience=1, min_delta=100) checkpoint=false stats=0
            evaluate m on b
            """;
        var result = Pipelines.Execute(script, workspace, observer);
        Assert.True(result.Succeeded, result.Failure?.ToString());

        EarlyStopped stopped = Assert.Single(observer.Of<EarlyStopped>());
        Assert.Matches(@"^stopped m early at epoch 2: val_loss last improved at epoch 1 \(\d\.\d{4}\); restored epoch 1's weights$", RunEventText.Describe(stopped));

        var epochs = observer.Of<EpochCompleted>().ToList();
        Assert.Equal([false, true], epochs.Select(e => e.Last));
        Assert.True(RunEventText.IsMilestone(epochs[1])); // epoch 2 of 50: printed because it is the last
        Assert.Matches(@"  val_acc \d\.\d{4}  val_top2 \d\.\d{4}  ", RunEventText.Epoch(epochs[1]));
        Assert.True(epochs[1].Validation!.TopK >= epochs[1].Validation!.Accuracy); // the best class is among the 2 best

        EvaluationCompleted evaluation = Assert.Single(observer.Of<EvaluationCompleted>());
        Assert.Matches(@", b top-2 accuracy \d\.\d{4} \(30 samples\)$", RunEventText.Describe(evaluation));
    }
}
