using Google.Protobuf;
using NetScript.Runtime.Events;
using Tensorboard;
using TorchSharp;

namespace NetScript.Runtime.Statistics.Recording;

/// <summary>A training run's TensorBoard log (<c>tensorboard --logdir runs/</c>). Scalars go
/// through TorchSharp's SummaryWriter. Histograms are written as HistogramProto records with
/// the statistics' own fixed bins, appended to the same event file: SummaryWriter's
/// add_histogram would need the raw activations (and re-bin millions of values per layer),
/// which never leave the training loop. SummaryWriter 0.107 opens and closes its file for
/// every record, so appending between its writes keeps one valid record stream (a test
/// reads the file back).</summary>
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

    public void Histogram(string tag, LayerSample layer, long step)
    {
        ActivationHistogram h = layer.Histogram;
        if (!double.IsFinite(h.Lower) || !double.IsFinite(h.Upper) || h.Total == 0) return;
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
            // bucket_limit[i] is the right edge of bucket i; a zero-width histogram (constant
            // output) becomes one bucket at the value.
            proto.BucketLimit.Add(h.BinWidth > 0 ? h.Edge(bin + 1) : h.Upper);
            proto.Bucket.Add(h.Counts[bin]);
        }
        var summary = new Summary();
        summary.Value.Add(new Summary.Types.Value { Tag = tag, Histo = proto });
        Append(new Event { Step = step, WallTime = UnixSeconds(), Summary = summary });
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
