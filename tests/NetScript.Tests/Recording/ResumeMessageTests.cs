using NetScript.Data;
using NetScript.Hosting;
using NetScript.Language.Semantics;
using NetScript.Runtime.Events;
using NetScript.Runtime.Execution;
using NetScript.Runtime.Models;
using NetScript.Runtime.Recording;
using NetScript.Runtime.Training;
using NetScript.Tests.Engine;
using static TorchSharp.torch;

namespace NetScript.Tests.Recording;

/// <summary>What resuming tells the user: where it continues from, and why it cannot.</summary>
[Collection(TorchCollection.Name)]
public sealed class ResumeMessageTests
{
    static (ExecutionResult Result, RecordingObserver Events) Resume(string arguments)
    {
        using var workspace = new Workspace();
        var events = new RecordingObserver();
        return (Pipelines.Execute(SmallRun.With(arguments), workspace, events), events);
    }

    [Fact]
    public void A_resumed_run_says_where_it_continues_from()
    {
        var (result, events) = Resume($"epochs=3 resume=\"{SmallRun.Finished.Path}\"");
        Assert.True(result.Succeeded, result.Failure?.Message);
        var resumed = Assert.Single(events.Of<TrainingResumed>());
        Assert.Equal($"resumed m from epoch 3, step 0 of {Path.Combine(SmallRun.Finished.Path, "m")}", RunEventText.Describe(resumed));
    }

    [Fact]
    public void Fewer_epochs_than_the_checkpoint_has_run_is_an_error()
    {
        string checkpoint = Path.Combine(SmallRun.Finished.Path, "m", "last.ckpt");
        var (result, events) = Resume($"epochs=1 resume=\"{checkpoint}\"");
        Assert.Equal("NS0710", result.Failure?.Id);
        Assert.Equal($"cannot resume `m` from \"{checkpoint}\": it has run 2 epochs; with resume, `epochs` counts them too (epochs=1 ends before the checkpoint)",
            result.Failure!.Message);
        Assert.Empty(events.Of<EpochCompleted>());
    }

    [Fact]
    public void A_run_folder_without_a_checkpoint_says_so()
    {
        string empty = RunFolder.Create(Scripts.TempDirectory(), "empty.nns", SmallRun.Script).Path;
        var (result, _) = Resume($"epochs=3 resume=\"{empty}\"");
        Assert.Equal($"cannot resume `m` from \"{empty}\": the folder holds no checkpoint of `m` (neither m/last.ckpt nor last.ckpt)", result.Failure?.Message);
    }

    [Fact]
    public void A_non_finite_loss_after_a_resume_names_the_checkpoint_it_resumed_from()
    {
        // As in CheckpointTests: w ← −19w under SGD lr=10 on MSE; the loss is ∞ in float32 at epoch 17.
        TrainStep step = EnginePlans.Train("dense 1 bias=false\ninit constant 1", Shape.Of(1), targets: Shape.Of(1),
            before: "optimizer sgd lr=10\n", train: "epochs=10 batch=1 loss=mse");
        using var data = new TensorDataset(ones(1, 1), zeros(1, 1), classes: 0);
        using var model = new TrainedModel(step.Plan, ModelBuilder.Build(step.Plan));
        string directory = Scripts.TempDirectory();
        var request = new TrainRequest(model, "d", data, null, step.Settings, step.Optimizer, Seed: 1) { CheckpointDirectory = directory };
        Trainer.Train(request, new RecordingObserver(), CancellationToken.None);

        TrainStep twenty = EnginePlans.Train("dense 1 bias=false\ninit constant 1", Shape.Of(1), targets: Shape.Of(1),
            before: "optimizer sgd lr=10\n", train: "epochs=20 batch=1 loss=mse");
        using var resumedModel = new TrainedModel(step.Plan, ModelBuilder.Build(step.Plan));
        string checkpoint = Path.Combine(directory, "last.ckpt");
        var resume = request with { Model = resumedModel, Settings = twenty.Settings, CheckpointDirectory = null, ResumeFrom = checkpoint };
        var failure = Assert.Throws<NonFiniteLossException>(() => Trainer.Train(resume, new RecordingObserver(), CancellationToken.None));
        Assert.Equal((17, checkpoint), (failure.Epoch, failure.LastGoodCheckpoint));
    }
}
