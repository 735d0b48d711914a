using NetScript.Data;
using NetScript.Runtime.Events;
using static NetScript.Data.ResultsColumnType;

namespace NetScript.Runtime.Statistics.Recording;

/// <summary>The Parquet tables of one training run: <c>epochs</c> (loss and accuracy curves),
/// <c>layers</c> (one row per layer per sample), <c>parameters</c> (one row per parameter
/// tensor per sample) and <c>histograms</c> (one row per bin). Long format, so any dataframe
/// tool can filter by layer and plot against <c>global_step</c>.</summary>
internal sealed class StatisticsTables : IDisposable
{
    public const string LayersFile = "layers.parquet";

    readonly TableBuffer _epochs, _layers, _parameters, _histograms;
    int _stepsPerEpoch;

    public StatisticsTables(string directory)
    {
        string P(string name) => Path.Combine(directory, name);
        _epochs = new TableBuffer(P("epochs.parquet"),
            new("epoch", Integer), new("global_step", Integer), new("loss", Real), new("accuracy", Real),
            new("val_loss", OptionalReal), new("val_accuracy", OptionalReal), new("samples_per_second", Real));
        _layers = new TableBuffer(P(LayersFile), LayerColumns);
        _parameters = new TableBuffer(P("parameters.parquet"),
            new("global_step", Integer), new("layer", Text), new("parameter", Text),
            new("norm", Real), new("gradient_norm", OptionalReal), new("update_norm", Real), new("update_ratio", OptionalReal));
        _histograms = new TableBuffer(P("histograms.parquet"),
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
        switch (e)
        {
            case TrainingStarted t:
                _stepsPerEpoch = t.StepsPerEpoch;
                break;
            case EpochCompleted c:
                _epochs.Add((long)c.Epoch, (long)c.Epoch * _stepsPerEpoch, c.Train.Loss, c.Train.Accuracy,
                    c.Validation?.Loss, c.Validation?.Accuracy, c.SamplesPerSecond);
                break;
            case StatisticsSampled s:
                foreach (LayerSample l in s.Layers) AddLayer(s, l);
                break;
        }
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

    public void Dispose()
    {
        _epochs.Dispose();
        _layers.Dispose();
        _parameters.Dispose();
        _histograms.Dispose();
    }
}
