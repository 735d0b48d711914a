using System.Net;
using Google.Protobuf;
using Tensorboard;

namespace NetScript.Runtime.TensorBoard;

/// <summary>A TensorBoard event file (<c>tensorboard --logdir runs/</c>) that writes any number
/// of records with one append. TorchSharp 0.107's SummaryWriter opens, seeks, flushes and
/// closes the file for every single scalar, which at the end of an epoch of a small model
/// (one step-loss scalar per step) cost a measurable share of the epoch.</summary>
internal sealed class EventFile
{
    static int s_files;

    public EventFile(string directory)
    {
        Directory.CreateDirectory(directory);
        // The name TensorBoard looks for, as SummaryWriter makes it (time, host, process, counter).
        Path = System.IO.Path.Combine(directory,
            $"events.out.tfevents.{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}.{Dns.GetHostName()}.{Environment.ProcessId}.{Interlocked.Increment(ref s_files)}");
        Append([new Event { FileVersion = "brain.Event:2", WallTime = UnixSeconds() }]);
    }

    public string Path { get; }

    /// <summary>One event holding <paramref name="values"/> (tag, value) at <paramref name="step"/>;
    /// non-finite values are left out (TensorBoard cannot plot them). Null when none is left.</summary>
    public static Event? Scalars(long step, IEnumerable<(string Tag, double Value)> values)
    {
        var summary = new Summary();
        foreach (var (tag, value) in values)
            if (double.IsFinite(value)) summary.Value.Add(new Summary.Types.Value { Tag = tag, SimpleValue = (float)value });
        return summary.Value.Count == 0 ? null : new Event { Step = step, WallTime = UnixSeconds(), Summary = summary };
    }

    /// <summary>Appends the events in order, opening the file once.</summary>
    public void Append(IEnumerable<Event?> events)
    {
        using var stream = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read, bufferSize: 1 << 16);
        using var writer = new BinaryWriter(stream);
        foreach (Event? e in events)
        {
            if (e is null) continue;
            byte[] data = e.ToByteArray();
            // TFRecord framing: length, masked CRC32C of the length, data, masked CRC32C of the data.
            writer.Write((ulong)data.LongLength);
            writer.Write(Masked(TorchSharp.Utils.CRC32C.process((long)data.LongLength)));
            writer.Write(data);
            writer.Write(Masked(TorchSharp.Utils.CRC32C.process(data)));
        }
    }

    static uint Masked(uint crc) => ((crc >> 15) | (crc << 17)) + 0xa282ead8u;

    public static double UnixSeconds() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;
}
