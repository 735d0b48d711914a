using NetScript.Data;
using NetScript.Runtime;
using NetScript.Runtime.Events;
using NetScript.Runtime.Execution;
using NetScript.Runtime.Recording;
using static TorchSharp.torch;

namespace NetScript.Tests.Runtime.Statistics;

/// <summary>Failing to write statistics or plots is a diagnostic at the train statement,
/// never a stack trace.</summary>
[Collection(TorchCollection.Name)]
public sealed class StatisticsFailureTests
{
    [Fact]
    public void A_run_folder_that_became_a_file_is_a_recording_error_at_the_first_statement()
    {
        var folder = RunFolder.Create(Scripts.TempDirectory(), "t.nns", "");
        Directory.Delete(folder.Path, recursive: true);
        File.WriteAllText(folder.Path, "a file where the run folder should be");
        using var workspace = new Workspace();
        var result = Pipelines.Execute("""
            load dataset "spiral" classes=2 points=10 as d
            model mlp { dense 4 -> relu; dense 2 }
            train mlp on d epochs=1
            """, workspace, runFolder: folder);
        // The run's summary, written after each statement, cannot be written: the first statement
        // fails, naming the file (a training folder that cannot be created: RunFolderNamingTests).
        Assert.Equal("NS0610", result.Failure?.Id);
        Assert.StartsWith($"could not write {Path.Combine(folder.Path, "summary.json")}: ", result.Failure!.Message);
        Assert.Equal(1, result.Failure.Location!.Value.Line);
    }

    [Fact]
    public void A_plot_that_cannot_be_drawn_is_NS1002()
    {
        string runs = Scripts.TempDirectory();
        using var recorder = StatisticsRecorder.Start(runs, "m", new RecordingObserver());
        recorder.OnEvent(new TrainingStarted("m", "d", 1, 1, 4, 9, "sgd"));
        // The module expects 3 inputs but the data is 2-D: drawing the decision boundary fails.
        using var module = nn.Sequential(("dense1", nn.Linear(3, 2)));
        using var data = new TensorDataset(randn(4, 2), tensor(new long[] { 0, 1, 0, 1 }), 2);
        var failure = Assert.Throws<RuntimeFailure>(() => recorder.Finish(module, data));
        Assert.Equal("NS1002", failure.Descriptor.Id);
        Assert.Equal("m", failure.Arguments[0]);
    }
}
