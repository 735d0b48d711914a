using System.Buffers.Binary;
using System.IO.Compression;

namespace NetScript.Data;

/// <summary>An IDX file (the MNIST format): bytes 0x00 0x00, a type code, the number of
/// dimensions, each dimension as a big-endian int32, then the values in row-major order.
/// Gzipped files (as the MNIST and Fashion-MNIST downloads and Debian ship them) are read
/// transparently. Only unsigned bytes (type 0x08), the type every MNIST-family file uses.</summary>
public sealed class IdxFile
{
    const byte UnsignedByte = 0x08;

    IdxFile(int[] dimensions, byte[] data)
    {
        Dimensions = dimensions;
        Data = data;
    }

    public int[] Dimensions { get; }

    public byte[] Data { get; }

    public int Count => Dimensions[0];

    public static IdxFile Read(string path)
    {
        using Stream stream = Open(path);
        int[] dimensions = ReadHeader(stream, path);
        long size = dimensions.Aggregate(1L, (a, d) => a * d);
        if (size > Array.MaxLength) throw new DataException($"{path} holds {size:N0} values, more than one array can");
        var data = new byte[size];
        stream.ReadExactly(data);
        if (stream.ReadByte() >= 0) throw new DataException($"{path} has data after its {size:N0} values; it is not a valid IDX file");
        return new IdxFile(dimensions, data);
    }

    /// <summary>The dimensions, reading only the header; null when the file is not IDX.</summary>
    public static int[]? TryReadDimensions(string path)
    {
        try
        {
            using Stream stream = Open(path);
            return ReadHeader(stream, path);
        }
        catch (Exception e) when (e is DataException or EndOfStreamException or InvalidDataException)
        {
            return null;
        }
    }

    static Stream Open(string path)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        int first = file.ReadByte();
        int second = file.ReadByte();
        file.Position = 0;
        return first == 0x1F && second == 0x8B ? new GZipStream(file, CompressionMode.Decompress) : file;
    }

    static int[] ReadHeader(Stream stream, string path)
    {
        Span<byte> magic = stackalloc byte[4];
        stream.ReadExactly(magic);
        if (magic[0] != 0 || magic[1] != 0 || magic[3] is 0 or > 4)
            throw new DataException($"{path} is not an IDX file (it does not start with the IDX magic number)");
        if (magic[2] != UnsignedByte)
            throw new DataException($"{path} holds IDX type 0x{magic[2]:X2}; NetScript imports unsigned-byte IDX files (type 0x08, as MNIST)");
        var dimensions = new int[magic[3]];
        Span<byte> word = stackalloc byte[4];
        for (int i = 0; i < dimensions.Length; i++)
        {
            stream.ReadExactly(word);
            dimensions[i] = BinaryPrimitives.ReadInt32BigEndian(word);
            if (dimensions[i] < 1) throw new DataException($"{path} has an invalid IDX dimension {dimensions[i]}");
        }
        return dimensions;
    }
}
