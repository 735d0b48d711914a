using TorchSharp.Utils;

namespace NetScript.Runtime.Recording.Checkpoints;

/// <summary>The framing of a checkpoint's parts (format 2): each section is its length, its
/// bytes and a CRC32C of the bytes, so a damaged or cut file is found on load and the message
/// names the section — instead of weights that load silently with different values.</summary>
internal static class CheckpointSections
{
    /// <summary>Writes what <paramref name="write"/> produces as one framed section.</summary>
    public static void Write(BinaryWriter file, Action<BinaryWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true))
            write(writer);
        byte[] bytes = buffer.ToArray();
        file.Write((long)bytes.Length);
        file.Write(bytes);
        file.Write(CRC32C.process(bytes));
    }

    /// <summary>Reads one framed section, checks its length and checksum, and parses it with
    /// <paramref name="read"/>; every failure becomes a <see cref="CheckpointException"/>
    /// that names <paramref name="section"/>.</summary>
    public static T Read<T>(BinaryReader file, string section, Func<BinaryReader, T> read)
    {
        byte[] bytes;
        try
        {
            long length = file.ReadInt64();
            long left = file.BaseStream.Length - file.BaseStream.Position;
            if (length < 0 || length > left - sizeof(uint))
                throw new CheckpointException($"the file ends inside {section} (it was cut short or is damaged)");
            bytes = file.ReadBytes((int)length);
            if (file.ReadUInt32() != CRC32C.process(bytes))
                throw new CheckpointException($"the checksum of {section} does not match (the file is damaged)");
        }
        catch (EndOfStreamException)
        {
            throw new CheckpointException($"the file ends inside {section} (it was cut short or is damaged)");
        }
        using var reader = new BinaryReader(new MemoryStream(bytes, writable: false));
        T value = Parse(reader, section, read);
        if (reader.BaseStream.Position != bytes.Length)
            throw new CheckpointException($"cannot load {section}: it holds more than this run expects");
        return value;
    }

    /// <summary>Parses a section (format 1 files have no framing: the whole file is read so).</summary>
    public static T Parse<T>(BinaryReader reader, string section, Func<BinaryReader, T> read)
    {
        try
        {
            return read(reader);
        }
        catch (Exception e) when (e is not CheckpointException and not OutOfMemoryException)
        {
            // libtorch and TorchSharp report a mismatch (another shape, a missing tensor) in their own words.
            throw new CheckpointException($"cannot load {section}: {e.Message.Split('\n')[0].Trim()}");
        }
    }
}
