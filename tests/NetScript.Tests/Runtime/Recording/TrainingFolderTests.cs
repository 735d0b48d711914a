using NetScript.Data;
using NetScript.Runtime.Execution;
using NetScript.Runtime.Recording;
using NetScript.Tests.Language.Semantics;
using NetScript.Tests.Runtime.Models;
using NetScript.Tests.Runtime.Recording;
using NetScript.Tests.Runtime.Training;
using NetScript.Tests.Runtime.Training.Losses;
using NetScript.Tests.Runtime.Training.Optimizers;
using NetScript.Tests.Runtime.Training.Regularization;
using NetScript.Tests.Runtime.Training.Schedules;

namespace NetScript.Tests.Runtime.Recording;

/// <summary>A training's folder: one TensorBoard event file holding both the metrics and the
/// statistics, and no statistics files at all when statistics are off.</summary>
[Collection(TorchCollection.Name)]
public sealed class TrainingFolderTests
{
    static string Train(string arguments)
    {
        string script = TrainingLoopTests.Data + $"model m {{ dense 8 -> relu; dense 3 }}\ntrain m on train epochs=2 batch=16 {arguments}\n";
        var folder = RunFolder.Create(Scripts.TempDirectory(), "folder.nns", script);
        using var workspace = new Workspace();
        var result = Pipelines.Execute(script, workspace, runFolder: folder);
        Assert.True(result.Succeeded, result.Failure?.Message);
        return Path.Combine(folder.Path, "m");
    }

    [Fact]
    public void Metrics_and_statistics_share_one_event_file()
    {
        string folder = Train("stats=1");
        string events = Assert.Single(Directory.GetFiles(folder, "events.out.tfevents.*"));
        byte[] bytes = File.ReadAllBytes(events);
        string text = System.Text.Encoding.Latin1.GetString(bytes);
        Assert.Contains("train/step_loss", text);       // the training log's
        Assert.Contains("activation_mean/", text);      // the statistics recorder's
        long[] sampled = (long[])ParquetTableReader.Read(Path.Combine(folder, "layers.parquet"))["global_step"];
        Assert.Equal(Enumerable.Range(1, 12).Select(i => (long)i), sampled.Distinct()); // 96 rows, batch 16: 6 steps × 2 epochs, every step sampled
    }

    [Fact]
    public void With_statistics_off_no_statistics_file_is_written()
    {
        string folder = Train("stats=0");
        string[] names = Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;
        Assert.DoesNotContain("layers.parquet", names);
        Assert.DoesNotContain("parameters.parquet", names);
        Assert.DoesNotContain("histograms.parquet", names);
        Assert.Contains("epochs.parquet", names);
        Assert.Single(names, n => n.StartsWith("events.out.tfevents.", StringComparison.Ordinal));
    }
}
