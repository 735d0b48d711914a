using NetScript.Data;

namespace NetScript.Runtime.Statistics.Recording;

/// <summary>Rows of one results table collected column by column and written as a Parquet
/// row group every <see cref="FlushRows"/> rows, so memory stays bounded however long the
/// run. Disposing writes the rest and completes the file.</summary>
internal sealed class TableBuffer : IDisposable
{
    const int FlushRows = 4096;

    readonly ResultsTableWriter _writer;
    readonly List<object?>[] _columns;

    public TableBuffer(string path, params ResultsColumn[] columns)
    {
        _writer = new ResultsTableWriter(path, columns);
        _columns = columns.Select(_ => new List<object?>(FlushRows)).ToArray();
    }

    /// <summary>One row, values in column order (long, double, double? or string).</summary>
    public void Add(params object?[] row)
    {
        if (row.Length != _columns.Length) throw new ArgumentException($"expected {_columns.Length} values, got {row.Length}");
        for (int i = 0; i < row.Length; i++) _columns[i].Add(row[i]);
        if (_columns[0].Count >= FlushRows) Flush();
    }

    void Flush()
    {
        if (_columns[0].Count == 0) return;
        var arrays = new Array[_columns.Length];
        for (int i = 0; i < _columns.Length; i++)
        {
            List<object?> values = _columns[i];
            arrays[i] = _writer.Columns[i].Type switch
            {
                ResultsColumnType.Integer => values.Select(v => (long)v!).ToArray(),
                ResultsColumnType.Real => values.Select(v => (double)v!).ToArray(),
                ResultsColumnType.OptionalReal => values.Select(v => (double?)v).ToArray(),
                _ => values.Select(v => (string?)v).ToArray(),
            };
            values.Clear();
        }
        _writer.WriteRowGroup(arrays);
    }

    public void Dispose()
    {
        Flush();
        _writer.Dispose();
    }
}
