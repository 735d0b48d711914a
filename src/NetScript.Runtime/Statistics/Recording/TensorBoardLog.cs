using Google.Protobuf;
using NetScript.Runtime.Events;
using Tensorboard;
using TorchSharp;

namespace NetScript.Runtime.Statistics.Recording;

/// <summary>A training run's TensorBoard log (<c>tensorboard --logdir runs/</c>). TorchSharp's
/// SummaryWriter creates the event file and writes the per-epoch scalars. A statistics
/// sample is appended to the same file as one event holding all its scalars and its
/// histograms (HistogramProto with the statistics' own bins): SummaryWriter would open the
/// file once per scalar, and its add_histogram needs the raw activations, which never leave
/// the training loop. SummaryWriter 0.107 opens and closes the file for every record, so
/// appending between its writes keeps one valid record stream (a test reads it back).</summary>
internal sealed class TensorBoardLog
{
    readonly TorchSharp.Modules.SummaryWriter _writer;
    readonly string _file;

    public TensorBoardLog(string directory)
    {
        _writer = torch.utils.tensorboard.SummaryWriter(directory);
        _file = Directory.GetFiles(directory, "events.out.tfevents.*").Single();
    }

    public string File => _file;

    public void Scalar(string tag, double value, long step)
    {
        if (!double.IsFinite(value)) return;
        // The API takes wall time in whole seconds; TensorBoard plots against steps by default.
        _writer.add_scalar(tag, (float)value, checked((int)step), DateTimeOffset.UtcNow.ToUnixTimeSeconds());
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
        Append(new Event { Step = sample.GlobalStep, WallTime = UnixSeconds(), Summary = summary });
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

    void Append(Event e)
    {
        byte[] data = e.ToByteArray();
        using var stream = new FileStream(_file, FileMode.Append, FileAccess.Write);
        using var writer = new BinaryWriter(stream);
        // TFRecord framing: length, masked CRC32C of the length, data, masked CRC32C of the data.
        writer.Write((ulong)data.LongLength);
        writer.Write(Masked(TorchSharp.Utils.CRC32C.process((long)data.LongLength)));
        writer.Write(data);
        writer.Write(Masked(TorchSharp.Utils.CRC32C.process(data)));
    }

    static uint Masked(uint crc) => ((crc >> 15) | (crc << 17)) + 0xa282ead8u;

    static double UnixSeconds() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;
}
