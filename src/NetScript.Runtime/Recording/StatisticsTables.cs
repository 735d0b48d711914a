using NetScript.Data;
using NetScript.Runtime.Events;
using static NetScript.Data.ResultsColumnType;

namespace NetScript.Runtime.Recording;

/// <summary>The statistics tables of one training run (the loss curves are the training log's
/// <c>epochs.parquet</c> and <c>steps.parquet</c>): <c>layers</c> (one row per layer per sample), <c>parameters</c> (one row per parameter
/// tensor per sample) and <c>histograms</c> (one row per bin). Long format, so any dataframe
/// tool can filter by layer and plot against <c>global_step</c>. Rows are committed at the end of
/// the first epoch, then at the end of an epoch once <see cref="DefaultCommitInterval"/> has passed
/// since the last commit (and when many rows wait), and when training ends: each commit
/// rewrites the files through a copy, which in a run of short epochs costs more than the
/// samples themselves, so a killed run loses at most the last half minute of samples (as
/// TensorBoard's writer, which flushes every two minutes). The epoch tables and checkpoints
/// commit every epoch.</summary>
internal sealed class StatisticsTables
{
    public const string LayersFile = Events.StatisticsRecorded.LayersFile;

    /// <summary>Rows that may wait in memory before they are committed inside an epoch.</summary>
    const int MaxPendingRows = 16_384;

    /// <summary>Least time between two commits at epoch ends, by default.</summary>
    public static readonly TimeSpan DefaultCommitInterval = TimeSpan.FromSeconds(30);

    readonly TimeSpan _commitInterval;

    readonly System.Diagnostics.Stopwatch _sinceCommit = new();

    readonly RecordTable _layers, _parameters, _histograms;

    public StatisticsTables(string directory, TimeSpan? commitInterval = null)
    {
        _commitInterval = commitInterval ?? DefaultCommitInterval;
        string P(string name) => Path.Combine(directory, name);
        _layers = new RecordTable(P(LayersFile), LayerColumns);
        _parameters = new RecordTable(P("parameters.parquet"),
            new("global_step", Integer), new("layer", Text), new("parameter", Text),
            new("norm", Real), new("gradient_norm", OptionalReal), new("update_norm", Real), new("update_ratio", OptionalReal));
        _histograms = new RecordTable(P("histograms.parquet"),
            new("global_step", Integer), new("layer", Text), new("bin", Integer),
            new("lower", Real), new("upper", Real), new("count", Integer));
    }

    public static readonly ResultsColumn[] LayerColumns =
    [
        new("global_step", Integer), new("epoch", Integer), new("step", Integer), new("layer", Text),
        new("kind", Text), new("index", Integer), new("mean", Real), new("std", Real),
        new("min", Real), new("max", Real), new("zero_fraction", OptionalReal), new("dead_fraction", OptionalReal),
        new("saturated_fraction", OptionalReal), new("weight_norm", OptionalReal), new("gradient_norm", OptionalReal),
        new("update_ratio", OptionalReal),
    ];

    public void Add(RunEvent e)
    {
        if (e is StatisticsSampled s)
            foreach (LayerSample l in s.Layers) AddLayer(s, l);
        bool due = !_sinceCommit.IsRunning || _sinceCommit.Elapsed >= _commitInterval;
        if (e is EpochCompleted && due || _histograms.Pending + _layers.Pending + _parameters.Pending >= MaxPendingRows) Commit();
    }

    void AddLayer(StatisticsSampled s, LayerSample l)
    {
        _layers.Add(s.GlobalStep, (long)s.Epoch, (long)s.Step, l.Layer, l.Kind, (long)l.Index, l.Mean, l.Std, l.Min, l.Max,
            l.ZeroFraction, l.DeadFraction, l.SaturatedFraction, l.WeightNorm, l.GradientNorm, l.UpdateRatio);
        foreach (ParameterSample p in l.Parameters)
            _parameters.Add(s.GlobalStep, l.Layer, p.Name, p.Norm, p.GradientNorm, p.UpdateNorm, p.UpdateRatio);
        ActivationHistogram h = l.Histogram;
        for (int bin = 0; bin < h.Counts.Count; bin++)
            _histograms.Add(s.GlobalStep, l.Layer, (long)bin, h.Edge(bin), h.Edge(bin + 1), h.Counts[bin]);
    }

    /// <summary>Appends the waiting rows to the files, which are complete after each commit.</summary>
    public void Commit()
    {
        _layers.Commit();
        _parameters.Commit();
        _histograms.Commit();
        _sinceCommit.Restart();
    }
}
