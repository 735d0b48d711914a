using Parquet;
using Parquet.Schema;

namespace NetScript.Data.Tables;

/// <summary>A small table of named numeric columns (int32, int64, float64) with Parquet I/O,
/// for results such as per-step and per-epoch metrics. Columns keep their insertion order;
/// all must have the same length. One row group, Snappy: these tables are small.</summary>
public sealed class ColumnTable
{
    readonly List<(DataField Field, Array Values)> _columns = new();

    public int Rows => _columns.Count == 0 ? 0 : _columns[0].Values.Length;

    public IEnumerable<string> Names => _columns.Select(c => c.Field.Name);

    public ColumnTable Add(string name, int[] values) => Add(new DataField<int>(name), values);

    public ColumnTable Add(string name, long[] values) => Add(new DataField<long>(name), values);

    public ColumnTable Add(string name, double[] values) => Add(new DataField<double>(name), values);

    public T[] Column<T>(string name) =>
        (T[])(_columns.FirstOrDefault(c => c.Field.Name == name).Values ?? throw new KeyNotFoundException($"no column `{name}`"));

    /// <summary>A numeric column of any stored type, widened to float64.</summary>
    public double[] Doubles(string name) =>
        (_columns.FirstOrDefault(c => c.Field.Name == name).Values ?? throw new KeyNotFoundException($"no column `{name}`")) switch
        {
            double[] doubles => doubles,
            long[] longs => Array.ConvertAll(longs, v => (double)v),
            int[] ints => Array.ConvertAll(ints, v => (double)v),
            var other => throw new InvalidCastException($"column `{name}` holds {other.GetType().GetElementType()?.Name}"),
        };

    public bool Has(string name) => _columns.Any(c => c.Field.Name == name);

    ColumnTable Add(DataField field, Array values)
    {
        if (_columns.Count > 0 && values.Length != Rows)
            throw new ArgumentException($"column `{field.Name}` has {values.Length} rows, the table {Rows}");
        if (_columns.Any(c => c.Field.Name == field.Name)) throw new ArgumentException($"column `{field.Name}` exists");
        _columns.Add((field, values));
        return this;
    }

    /// <summary>Writes to <paramref name="path"/> (the caller makes it atomic if needed).</summary>
    public void WriteParquet(string path) => WriteAsync(path).GetAwaiter().GetResult();

    public static ColumnTable ReadParquet(string path) => ReadAsync(path).GetAwaiter().GetResult();

    async Task WriteAsync(string path)
    {
        var schema = new ParquetSchema(_columns.Select(c => (Field)c.Field).ToArray());
        await using var stream = File.Create(path);
        // The default compression level is the slowest (see API notes); these tables are small.
        var options = new ParquetOptions { CompressionMethod = CompressionMethod.Snappy, CompressionLevel = System.IO.Compression.CompressionLevel.Fastest };
        await using var writer = await ParquetWriter.CreateAsync(schema, stream, options);
        using var group = writer.CreateRowGroup();
        foreach (var (field, values) in _columns)
        {
            switch (values)
            {
                case int[] ints: await group.WriteAsync(field, new ReadOnlyMemory<int>(ints)); break;
                case long[] longs: await group.WriteAsync(field, new ReadOnlyMemory<long>(longs)); break;
                case double[] doubles: await group.WriteAsync(field, new ReadOnlyMemory<double>(doubles)); break;
            }
        }
    }

    static async Task<ColumnTable> ReadAsync(string path)
    {
        var table = new ColumnTable();
        await using var stream = File.OpenRead(path);
        await using var reader = await ParquetReader.CreateAsync(stream);
        DataField[] fields = reader.Schema.GetDataFields();
        var parts = fields.Select(_ => new List<Array>()).ToArray();
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            for (int f = 0; f < fields.Length; f++)
                parts[f].Add(await ReadColumn(group, fields[f], (int)group.RowCount));
        }
        for (int f = 0; f < fields.Length; f++)
        {
            Array joined = Array.CreateInstance(fields[f].ClrType, parts[f].Sum(p => p.Length));
            int at = 0;
            foreach (Array part in parts[f])
            {
                Array.Copy(part, 0, joined, at, part.Length);
                at += part.Length;
            }
            table.Add(fields[f], joined);
        }
        return table;
    }

    static async Task<Array> ReadColumn(ParquetRowGroupReader group, DataField field, int rows)
    {
        if (field.ClrType == typeof(int)) { var v = new int[rows]; await group.ReadAsync(field, v.AsMemory()); return v; }
        if (field.ClrType == typeof(long)) { var v = new long[rows]; await group.ReadAsync(field, v.AsMemory()); return v; }
        if (field.ClrType == typeof(double)) { var v = new double[rows]; await group.ReadAsync(field, v.AsMemory()); return v; }
        throw new DataException($"column `{field.Name}` has type {field.ClrType.Name}; results tables hold numbers only");
    }
}
