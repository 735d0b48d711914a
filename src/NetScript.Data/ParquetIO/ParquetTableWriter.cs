using Parquet;
using Parquet.Schema;

namespace NetScript.Data;

/// <summary>Writes in-memory columns to a Parquet file atomically, in row groups, compressed as
/// <see cref="ParquetCompression"/> says.</summary>
internal static class ParquetTableWriter
{
    public static void Write(string path, IReadOnlyList<TableColumn> columns, int rows, IReadOnlyDictionary<string, string> metadata, int rowGroupSize,
        bool compress = true)
    {
        if (rowGroupSize < 1) throw new ArgumentOutOfRangeException(nameof(rowGroupSize));
        AtomicFile.Write(path, stream => Blocking.Run(() => WriteAsync(stream, columns, rows, metadata, rowGroupSize, compress)));
    }

    static async Task WriteAsync(Stream stream, IReadOnlyList<TableColumn> columns, int rows, IReadOnlyDictionary<string, string> metadata, int rowGroupSize,
        bool compress)
    {
        var schema = new ParquetSchema(columns.Select(c => c.Field).ToArray());
        ParquetOptions options = ParquetCompression.Options(compress);
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
