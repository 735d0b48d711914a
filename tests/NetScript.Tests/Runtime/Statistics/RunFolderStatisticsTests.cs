using NetScript.Data;
using NetScript.Runtime.Events;

namespace NetScript.Tests.Runtime.Statistics;

/// <summary>A script trained with a run folder leaves its statistics there as Parquet tables
/// equal to the events, a TensorBoard log TensorBoard can read, and plots.</summary>
[Collection(TorchCollection.Name)]
public sealed class RunFolderStatisticsTests
{
    const string Script = """
        seed 3
        threads 1
        load dataset "spiral" classes=3 points=40 as d
        split d into train=0.75 val=0.25 stratify
        preprocess { standardize }
        model mlp { dense 16 -> relu; dense 3 }
        optimizer adam lr=0.02
        train mlp on train epochs=4 batch=10 validate=val stats=5

        """;

    static readonly Lazy<(string Folder, RecordingObserver Events)> Run = new(() =>
    {
        string runs = Scripts.TempDirectory();
        var (result, events) = Scripts.Run(Script, runs);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Select(d => d.Message)));
        return (Path.Combine(Assert.Single(Directory.GetDirectories(runs)), "mlp"), events);
    });

    [Fact]
    public void The_layers_table_holds_every_sample_as_the_events_reported_it()
    {
        var (folder, events) = Run.Value;
        var samples = events.Of<StatisticsSampled>().ToList();
        // 90 rows / batch 10 = 9 steps per epoch, 36 steps: sampled at 1, 6, 11, …, 36.
        Assert.Equal(Enumerable.Range(0, 8).Select(i => 1L + 5 * i), samples.Select(s => s.GlobalStep));
        var table = ParquetTableReader.Read(Path.Combine(folder, "layers.parquet"));
        var expected = samples.SelectMany(s => s.Layers.Select(l => (s.GlobalStep, l))).ToList();
        Assert.Equal(expected.Select(e => e.GlobalStep), (long[])table["global_step"]);
        Assert.Equal(expected.Select(e => e.l.Layer), (string[])table["layer"]);
        Assert.Equal(expected.Select(e => e.l.Std), (double[])table["std"]);
        Assert.Equal(expected.Select(e => e.l.DeadFraction), (double?[])table["dead_fraction"]);
        Assert.Equal(expected.Select(e => e.l.UpdateRatio), (double?[])table["update_ratio"]);

        var histograms = ParquetTableReader.Read(Path.Combine(folder, "histograms.parquet"));
        Assert.Equal(expected.SelectMany(e => e.l.Histogram.Counts), (long[])histograms["count"]);
        var parameters = ParquetTableReader.Read(Path.Combine(folder, "parameters.parquet"));
        Assert.Equal(samples.Count * 4, ((string[])parameters["parameter"]).Length); // 2 dense × (weight, bias)

    }

    [Fact]
    public void The_tensorboard_log_has_the_scalars_and_the_histograms_with_their_bins()
    {
        var (folder, events) = Run.Value;
        // The training log (epoch metrics) and the statistics each have an event file in the
        // folder; TensorBoard reads every event file of a run's folder as one run.
        var logs = Directory.GetFiles(folder, "events.out.tfevents.*").Select(TensorBoardEvents.Read).ToList();
        Assert.All(logs, log => Assert.Equal("brain.Event:2", log[0].FileVersion));
        var values = logs.SelectMany(log => log).Where(e => e.Summary is not null)
            .SelectMany(e => e.Summary.Value.Select(v => (e.Step, e.WallTime, v))).ToList();

        var loss = values.Where(v => v.v.Tag == "val/loss").ToList();
        Assert.Equal(new long[] { 9, 18, 27, 36 }, loss.Select(v => v.Step));
        Assert.Equal(events.Of<EpochCompleted>().Select(c => (float)c.Validation!.Loss), loss.Select(v => v.v.SimpleValue));

        var last = events.Of<StatisticsSampled>().Last();
        var relu = last.Layers.Single(l => l.Layer == "relu1");
        var histogram = values.Single(v => v.v.Tag == "activations/relu1" && v.Step == last.GlobalStep).v.Histo;
        Assert.Equal(relu.Histogram.Counts.Select(c => (double)c), histogram.Bucket);
        Assert.Equal(relu.Histogram.Upper, histogram.BucketLimit[^1], 9);
        Assert.Equal(relu.Histogram.Total, histogram.Num);
        Assert.Equal((float)relu.DeadFraction!.Value, values.Single(v => v.v.Tag == "dead_fraction/relu1" && v.Step == last.GlobalStep).v.SimpleValue);
        // Wall times are seconds since 1970 (TensorBoard's relative-time axis depends on it).
        double now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        Assert.All(values, v => Assert.InRange(v.WallTime, now - 3600, now + 60));
    }

    [Fact]
    public void The_plots_are_written_and_announced()
    {
        var (folder, events) = Run.Value;
        var recorded = Assert.Single(events.Of<StatisticsRecorded>());
        Assert.Equal(folder, recorded.Directory);
        string[] expected = ["loss.png", "accuracy.png", "activations-init.png", "activations-last.png", "depth.png",
            "dead-units.png", "update-ratios.png", "decision-boundary.png"];
        Assert.Equal(expected.Order(), recorded.Plots.Select(Path.GetFileName).Order());
        foreach (string plot in recorded.Plots)
            Assert.True(Png.Size(plot).Width >= 300, plot);
        Assert.False(File.Exists(Path.Combine(folder, "saturation.png"))); // no tanh or sigmoid layer
    }
}
