using Parquet;
using Parquet.Schema;

namespace NetScript.Data;

/// <summary>Writes a table of plain columns (results, statistics) to a Parquet file one row
/// group at a time, so a long run streams to disk with bounded memory. The file is written
/// under a temporary name and moved into place when the writer is disposed: a reader never
/// sees half a file, and what was written survives a run that stops early.</summary>
public sealed class ResultsTableWriter : IDisposable
{
    readonly string _path;
    readonly string _temporary;
    readonly FileStream _stream;
    readonly ParquetWriter _writer;
    readonly DataField[] _fields;
    readonly ResultsColumn[] _columns;
    bool _disposed;

    /// <summary>Writers not yet disposed. When the process ends without disposing them — C#
    /// code in a script calling Environment.Exit, say — they are finished on the way out, so
    /// their rows are kept and no temporary file is left behind.</summary>
    static readonly HashSet<ResultsTableWriter> s_open = [];

    static ResultsTableWriter() => AppDomain.CurrentDomain.ProcessExit += (_, _) => FinishOpen();

    static void FinishOpen()
    {
        ResultsTableWriter[] open;
        lock (s_open) open = [.. s_open];
        foreach (ResultsTableWriter writer in open)
        {
            try { writer.Dispose(); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException) { }
        }
    }

    public ResultsTableWriter(string path, IReadOnlyList<ResultsColumn> columns)
    {
        lock (s_open) s_open.Add(this);
        _path = path;
        _temporary = path + ".tmp";
        _columns = columns.ToArray();
        _fields = _columns.Select(Field).ToArray();
        _stream = File.Create(_temporary);
        // Small numeric tables: Snappy is fast and the default compression level of other
        // codecs is SmallestSize, which is slow (API-NOTES).
        var options = new ParquetOptions { CompressionMethod = CompressionMethod.Snappy };
        _writer = ParquetWriter.CreateAsync(new ParquetSchema(_fields), _stream, options).GetAwaiter().GetResult();
    }

    public IReadOnlyList<ResultsColumn> Columns => _columns;

    /// <summary>Writes one row group: one array per column, in column order, all of the
    /// same length.</summary>
    public void WriteRowGroup(IReadOnlyList<Array> values)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (values.Count != _columns.Length)
            throw new ArgumentException($"expected {_columns.Length} columns, got {values.Count}");
        int rows = values.Count == 0 ? 0 : values[0].Length;
        if (rows == 0) return;
        if (values.Any(v => v.Length != rows)) throw new ArgumentException("all columns of a row group must have the same length");
        using ParquetRowGroupWriter group = _writer.CreateRowGroup();
        for (int i = 0; i < _columns.Length; i++)
        {
            Task written = (_columns[i].Type, values[i]) switch
            {
                (ResultsColumnType.Integer, long[] v) => group.WriteAsync(_fields[i], new ReadOnlyMemory<long>(v)),
                (ResultsColumnType.Real, double[] v) => group.WriteAsync(_fields[i], new ReadOnlyMemory<double>(v)),
                (ResultsColumnType.OptionalReal, double?[] v) => group.WriteAsync(_fields[i], new ReadOnlyMemory<double?>(v)),
                (ResultsColumnType.Text, string?[] v) => group.WriteAsync(_fields[i], (IReadOnlyCollection<string?>)v),
                var (type, v) => throw new ArgumentException($"column `{_columns[i].Name}` is {type} but got {v.GetType().Name}"),
            };
            written.GetAwaiter().GetResult();
        }
    }

    static DataField Field(ResultsColumn column) => column.Type switch
    {
        ResultsColumnType.Integer => new DataField<long>(column.Name),
        ResultsColumnType.Real => new DataField<double>(column.Name),
        ResultsColumnType.OptionalReal => new DataField<double?>(column.Name),
        ResultsColumnType.Text => new DataField<string>(column.Name),
        _ => throw new ArgumentOutOfRangeException(nameof(column)),
    };

    public void Dispose()
    {
        lock (s_open)
        {
            if (_disposed) return;
            _disposed = true;
            s_open.Remove(this);
        }
        _writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _stream.Dispose();
        File.Move(_temporary, _path, overwrite: true);
    }
}
