using NetScript.Hosting;
using NetScript.Runtime.Events;
using NetScript.Runtime.Execution;
using NetScript.Runtime.Recording;

namespace NetScript.Tests.Runtime.Recording;

/// <summary>What resuming tells the user: where it continues from, and why it cannot (a
/// non-finite loss after a resume: CheckpointTests).</summary>
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
}
