using System.Net;
using Google.Protobuf;
using Tensorboard;

namespace NetScript.Runtime.Recording;

/// <summary>The TensorBoard event file of a training folder (<c>tensorboard --logdir runs/</c>),
/// shared by everything that logs the training (metrics, statistics), and written any number
/// of records per append: TorchSharp's SummaryWriter opens, seeks, flushes and closes the file
/// for every single scalar.</summary>
internal sealed class EventFile
{
    const string Prefix = "events.out.tfevents.";
    static int s_files;

    EventFile(string path) => Path = path;

    public string Path { get; }

    /// <summary>The folder's event file: the one already there (each training has its own
    /// folder), or a new one.</summary>
    public static EventFile Open(string directory)
    {
        Directory.CreateDirectory(directory);
        if (Directory.EnumerateFiles(directory, Prefix + "*").Order(StringComparer.Ordinal).FirstOrDefault() is { } existing)
            return new EventFile(existing);
        // The name TensorBoard looks for, as SummaryWriter makes it (time, host, process, counter).
        var file = new EventFile(System.IO.Path.Combine(directory,
            $"{Prefix}{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}.{Dns.GetHostName()}.{Environment.ProcessId}.{Interlocked.Increment(ref s_files)}"));
        file.Append([new Event { FileVersion = "brain.Event:2", WallTime = UnixSeconds() }]);
        return file;
    }

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
