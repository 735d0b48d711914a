using NetScript.Data;
using NetScript.Runtime.Execution;
using Parquet;
using Parquet.Schema;

namespace NetScript.Runtime.Recording;

/// <summary>One results table of a run (steps, epochs, layers, parameters, histograms, folds).
/// Rows wait in memory until <see cref="Commit"/>, which appends them to the Parquet file as a
/// row group through <see cref="AtomicFile"/>: the file is copied, the group appended to the
/// copy, and the copy renamed into place. So the file on disk is complete at every moment and
/// holds every committed row — a run killed mid-epoch keeps its earlier epochs — and memory
/// holds only the rows since the last commit.</summary>
internal sealed class RecordTable
{
    readonly DataField[] _fields;
    readonly List<object?>[] _pending;

    public RecordTable(string path, params ResultsColumn[] columns)
    {
        Path = path;
        Columns = columns;
        _fields = columns.Select(Field).ToArray();
        _pending = columns.Select(_ => new List<object?>()).ToArray();
    }

    public string Path { get; }

    public IReadOnlyList<ResultsColumn> Columns { get; }

    /// <summary>Rows added since the last commit.</summary>
    public int Pending => _pending[0].Count;

    /// <summary>One row, values in column order (long, double, double? or string).</summary>
    public void Add(params object?[] row)
    {
        if (row.Length != _fields.Length) throw new ArgumentException($"expected {_fields.Length} values, got {row.Length}");
        for (int i = 0; i < row.Length; i++) _pending[i].Add(row[i]);
    }

    /// <summary>Appends the waiting rows as one row group (creates the file the first time,
    /// even without rows, so readers find the table's columns).</summary>
    public void Commit()
    {
        bool exists = File.Exists(Path);
        if (exists && Pending == 0) return;
        try
        {
            AtomicFile.Write(Path, stream => Blocking.Run(() => Append(stream, exists)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RecordingException($"could not write {Execution.ModelExecutor.Display(Path)}: {RecordingException.Reason(e)}"
                + (exists ? "; its earlier rows are intact" : ""), e);
        }
        foreach (List<object?> column in _pending) column.Clear();
    }

    async Task Append(Stream stream, bool exists)
    {
        if (exists)
        {
            await using (var existing = File.OpenRead(Path))
                await existing.CopyToAsync(stream);
            stream.Position = 0;
        }
        await using ParquetWriter writer = await ParquetWriter.CreateAsync(new ParquetSchema(_fields), stream, ParquetCompression.Options(), append: exists);
        if (Pending == 0) return;
        using ParquetRowGroupWriter group = writer.CreateRowGroup();
        for (int i = 0; i < _fields.Length; i++)
        {
            List<object?> values = _pending[i];
            Task written = Columns[i].Type switch
            {
                ResultsColumnType.Integer => group.WriteAsync(_fields[i], new ReadOnlyMemory<long>(values.Select(v => (long)v!).ToArray())),
                ResultsColumnType.Real => group.WriteAsync(_fields[i], new ReadOnlyMemory<double>(values.Select(v => (double)v!).ToArray())),
                ResultsColumnType.OptionalReal => group.WriteAsync(_fields[i], new ReadOnlyMemory<double?>(values.Select(v => (double?)v).ToArray())),
                _ => group.WriteAsync(_fields[i], (IReadOnlyCollection<string?>)values.Select(v => (string?)v).ToArray()),
            };
            await written;
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
}
