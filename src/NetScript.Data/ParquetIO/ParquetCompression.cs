using System.IO.Compression;
using Parquet;

namespace NetScript.Data;

/// <summary>The one compression setting of every Parquet file NetScript writes (datasets,
/// results, statistics): Snappy at its fastest level. The default level of the other codecs
/// is "smallest size", many times slower for no gain on float data.</summary>
public static class ParquetCompression
{
    /// <param name="compress">False for files read far more often than written (the dataset
    /// cache): Parquet.Net 6.1 decompresses a Snappy page into a growing MemoryStream and copies
    /// it twice more, which costs more than reading the uncompressed page.</param>
    public static ParquetOptions Options(bool compress = true) => new()
    {
        CompressionMethod = compress ? CompressionMethod.Snappy : CompressionMethod.None,
        CompressionLevel = CompressionLevel.Fastest,
    };
}
