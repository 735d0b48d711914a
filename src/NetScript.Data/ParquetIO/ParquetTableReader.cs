using Parquet;
using Parquet.Schema;

namespace NetScript.Data;

/// <summary>Reads a results table (a run's steps, epochs, statistics, folds) back into whole
/// columns (<c>long[]</c>, <c>double[]</c>, <c>double?[]</c>, <c>string[]</c>) by name.</summary>
public static class ParquetTableReader
{
    public static IReadOnlyDictionary<string, Array> Read(string path) => Blocking.Run(() => ReadAsync(path));

    static async Task<IReadOnlyDictionary<string, Array>> ReadAsync(string path)
    {
        using var stream = File.OpenRead(path);
        await using ParquetReader reader = await ParquetReader.CreateAsync(stream).ConfigureAwait(false);
        return await ReadColumns(reader).ConfigureAwait(false);
    }

    static async Task<IReadOnlyDictionary<string, Array>> ReadColumns(ParquetReader reader)
    {
        var fields = reader.Schema.GetDataFields();
        long total = reader.Metadata?.RowGroups.Sum(g => g.NumRows) ?? 0;
        var columns = fields.ToDictionary(f => f.Name, f => Array.CreateInstance(ElementType(f), total));
        long at = 0;
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using ParquetRowGroupReader group = reader.OpenRowGroupReader(g);
            int rows = checked((int)group.RowCount);
            foreach (DataField field in fields)
                await Read(group, field, columns[field.Name], (int)at, rows).ConfigureAwait(false);
            at += rows;
        }
        return columns;
    }

    static Type ElementType(DataField field) => field.ClrType switch
    {
        // Parquet.Net 6 describes text columns it reads as ReadOnlyMemory<char>.
        var t when t == typeof(string) || t == typeof(ReadOnlyMemory<char>) => typeof(string),
        var t when t == typeof(double) && field.IsNullable => typeof(double?),
        var t => t,
    };

    static async Task Read(ParquetRowGroupReader group, DataField field, Array destination, int at, int rows)
    {
        ValueTask read = destination switch
        {
            long[] d => group.ReadAsync(field, d.AsMemory(at, rows)),
            int[] d => group.ReadAsync(field, d.AsMemory(at, rows)), // the epoch column of tables written before it was int64
            double[] d => group.ReadAsync(field, d.AsMemory(at, rows)),
            double?[] d => group.ReadAsync(field, d.AsMemory(at, rows)),
            string?[] d => group.ReadAsync(field, d.AsMemory(at, rows)),
            _ => throw new DataException($"column `{field.Name}` has type {field.ClrType.Name}, which results tables do not use"),
        };
        await read.ConfigureAwait(false);
    }
}
