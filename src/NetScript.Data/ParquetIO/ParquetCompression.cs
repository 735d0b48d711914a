using System.IO.Compression;
using Parquet;

namespace NetScript.Data;

/// <summary>The one compression setting of every Parquet file NetScript writes (datasets,
/// results, statistics): Snappy at its fastest level. The default level of the other codecs
/// is "smallest size", many times slower for no gain on float data.</summary>
public static class ParquetCompression
{
    public static ParquetOptions Options() => new() { CompressionMethod = CompressionMethod.Snappy, CompressionLevel = CompressionLevel.Fastest };
}
