using NetScript.Runtime.Events;
using Tensorboard;

namespace NetScript.Runtime.Recording;

/// <summary>A training run's statistics in TensorBoard (<c>tensorboard --logdir runs/</c>), in
/// the folder's one event file (<see cref="EventFile.Open"/>).
/// A statistics sample is one event holding all its scalars and its histograms
/// (HistogramProto with the statistics' own bins; SummaryWriter's add_histogram would need the
/// raw activations, which never leave the training loop).</summary>
internal sealed class TensorBoardLog
{
    readonly EventFile _file;

    public TensorBoardLog(string directory)
    {
        _file = EventFile.Open(directory);
    }

    /// <summary>Everything of one statistics sample as a single event record (scalars per
    /// layer and activation histograms): one file append per sample, however many layers.</summary>
    public void Sample(StatisticsSampled sample)
    {
        var summary = new Summary();
        void Add(string tag, double? value)
        {
            if (value is { } v && double.IsFinite(v)) summary.Value.Add(new Summary.Types.Value { Tag = tag, SimpleValue = (float)v });
        }
        foreach (LayerSample l in sample.Layers)
        {
            Add($"activation_mean/{l.Layer}", l.Mean);
            Add($"activation_std/{l.Layer}", l.Std);
            Add($"dead_fraction/{l.Layer}", l.DeadFraction);
            Add($"saturated_fraction/{l.Layer}", l.SaturatedFraction);
            Add($"gradient_norm/{l.Layer}", l.GradientNorm);
            Add($"update_ratio/{l.Layer}", l.UpdateRatio);
            Add($"weight_norm/{l.Layer}", l.WeightNorm);
            if (Histogram(l) is { } histogram) summary.Value.Add(new Summary.Types.Value { Tag = $"activations/{l.Layer}", Histo = histogram });
        }
        _file.Append([new Event { Step = sample.GlobalStep, WallTime = EventFile.UnixSeconds(), Summary = summary }]);
    }

    static HistogramProto? Histogram(LayerSample layer)
    {
        ActivationHistogram h = layer.Histogram;
        if (!double.IsFinite(h.Lower) || !double.IsFinite(h.Upper) || h.Total == 0) return null;
        double n = h.Total;
        var proto = new HistogramProto
        {
            Min = layer.Min,
            Max = layer.Max,
            Num = n,
            Sum = layer.Mean * n,
            SumSquares = (layer.Std * layer.Std + layer.Mean * layer.Mean) * n,
        };
        for (int bin = 0; bin < h.Counts.Count; bin++)
        {
            proto.BucketLimit.Add(h.Edge(bin + 1)); // bucket_limit[i] is the right edge of bucket i
            proto.Bucket.Add(h.Counts[bin]);
        }
        return proto;
    }

}
