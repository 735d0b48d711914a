using System.Buffers.Binary;
using System.IO.Compression;

namespace NetScript.Tests;

/// <summary>Writes IDX files (the MNIST format, unsigned bytes), gzipped or not, so tests of the
/// IDX reader and the catalog need no installed dataset.</summary>
public static class IdxFiles
{
    public static string Write(string directory, string name, int[] dimensions, byte[] data, bool gzip)
    {
        var bytes = new List<byte> { 0, 0, 0x08, (byte)dimensions.Length };
        foreach (int d in dimensions)
        {
            var word = new byte[4];
            BinaryPrimitives.WriteInt32BigEndian(word, d);
            bytes.AddRange(word);
        }
        bytes.AddRange(data);
        string path = Path.Combine(directory, name + (gzip ? ".gz" : ""));
        using var file = File.Create(path);
        using Stream stream = gzip ? new GZipStream(file, CompressionLevel.Fastest) : file;
        stream.Write(bytes.ToArray());
        return path;
    }
}
