using NetScript.Language.Diagnostics;
using NetScript.Runtime.Events;
using NetScript.Runtime.Execution;

namespace NetScript.Tests.Runtime.Training;

[Collection(TorchCollection.Name)]
public sealed class TrainingTests
{
    const string Spiral = """
        seed 1
        threads 1
        load dataset "spiral" classes=3 points=60 as d
        split d into train=0.75 val=0.25 stratify
        preprocess { standardize }
        model mlp { dense 64 -> relu; dense 3 }

        """;

    [Fact]
    public void Loss_falls_and_the_spiral_is_learned()
    {
        var observer = new RecordingObserver();
        using var workspace = new Workspace();
        var result = Pipelines.Execute(Spiral + "optimizer adam lr=0.02\ntrain mlp on train epochs=60 batch=16 validate=val\n", workspace, observer);
        Assert.True(result.Succeeded, result.Failure?.Message);
        var epochs = observer.Of<EpochCompleted>().ToList();
        Assert.Equal(60, epochs.Count);
        Assert.True(epochs[^1].Train.Loss < epochs[0].Train.Loss * 0.5, $"{epochs[0].Train.Loss} -> {epochs[^1].Train.Loss}");
        Assert.True(epochs[^1].Validation!.Accuracy > 0.9, $"validation accuracy {epochs[^1].Validation!.Accuracy}");
    }

    [Fact]
    public void The_same_script_and_seed_give_identical_metrics()
    {
        string script = Spiral + "optimizer sgd lr=0.1 momentum=0.9\ntrain mlp on train epochs=3 batch=8 validate=val\n";
        List<EpochCompleted> Run()
        {
            var observer = new RecordingObserver();
            using var workspace = new Workspace();
            Assert.True(Pipelines.Execute(script, workspace, observer).Succeeded);
            return observer.Of<EpochCompleted>().ToList();
        }
        var first = Run();
        var second = Run();
        Assert.Equal(first.Select(e => (e.Train, e.Validation)), second.Select(e => (e.Train, e.Validation)));
    }

    [Fact]
    public void A_diverging_loss_stops_with_the_epoch_and_step()
    {
        using var workspace = new Workspace();
        var result = Pipelines.Execute(Spiral + "optimizer sgd lr=1e30\ntrain mlp on train epochs=5 batch=16\n", workspace);
        Assert.Equal("NS0701", result.Failure?.Id);
        Assert.Matches(@"^training of `mlp` stopped: the loss became (NaN|∞|-∞|Infinity) at epoch \d+, step \d+;", result.Failure!.Message);
        Assert.Equal(new NetScript.Language.Text.TextLocation(8, 1), result.Failure.Location);
    }

    [Fact]
    public void Cancellation_stops_training_with_a_diagnostic_and_keeps_earlier_steps()
    {
        using var workspace = new Workspace();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var result = Pipelines.Execute(Spiral + "train mlp on train epochs=5\n", workspace, cancellation: cancelled.Token);
        Assert.True(result.Cancelled);
        Assert.Equal("training of `mlp` was cancelled", result.Failure!.Message);
        Assert.Equal(6, result.StepsCompleted); // seed, threads, load, split, preprocess, model
        Assert.True(workspace.Datasets.ContainsKey("val"));
    }
}
