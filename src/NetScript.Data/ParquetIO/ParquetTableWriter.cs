using System.IO.Compression;
using Parquet;
using Parquet.Schema;

namespace NetScript.Data;

/// <summary>Writes in-memory columns to a Parquet file atomically, in row groups, Snappy
/// compressed at the fastest level (the default "smallest size" level is many times slower
/// for no gain on float data — API-NOTES.md).</summary>
internal static class ParquetTableWriter
{
    public static void Write(string path, IReadOnlyList<TableColumn> columns, int rows, IReadOnlyDictionary<string, string> metadata, int rowGroupSize)
    {
        if (rowGroupSize < 1) throw new ArgumentOutOfRangeException(nameof(rowGroupSize));
        AtomicFile.Write(path, stream => WriteAsync(stream, columns, rows, metadata, rowGroupSize).GetAwaiter().GetResult());
    }

    static async Task WriteAsync(Stream stream, IReadOnlyList<TableColumn> columns, int rows, IReadOnlyDictionary<string, string> metadata, int rowGroupSize)
    {
        var schema = new ParquetSchema(columns.Select(c => c.Field).ToArray());
        var options = new ParquetOptions { CompressionMethod = CompressionMethod.Snappy, CompressionLevel = CompressionLevel.Fastest };
        await using ParquetWriter writer = await ParquetWriter.CreateAsync(schema, stream, options);
        writer.CustomMetadata = metadata.ToDictionary();
        for (int start = 0; start < rows; start += rowGroupSize)
        {
            int count = Math.Min(rowGroupSize, rows - start);
            using ParquetRowGroupWriter group = writer.CreateRowGroup();
            foreach (TableColumn column in columns)
                await column.WriteAsync(group, start, count);
            group.CompleteValidate();
        }
    }
}
