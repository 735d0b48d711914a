using System.Globalization;

namespace NetScript.Data;

/// <summary>One pass over a CSV file: resolves the header against the options, checks every
/// cell (numbers must be finite, missing values follow <see cref="CsvMissing"/>) and collects
/// the features row by row into one flat array, or, for the checker, only counts rows and
/// keeps the labels. Every problem names its line and column.</summary>
internal sealed class CsvScan
{
    static readonly HashSet<string> MissingTokens = new(["", "NA", "N/A", "NaN", "null"], StringComparer.OrdinalIgnoreCase);

    float[] _features = [];
    long _length;

    public required string Name { get; init; }

    public required string[] FeatureNames { get; init; }

    public string? LabelName { get; init; }

    /// <summary>The label column's 1-based position, for messages.</summary>
    public int LabelColumn { get; init; }

    public long Rows { get; private set; }

    /// <summary>Rows left out for a missing value (<see cref="CsvMissing.Skip"/>).</summary>
    public long Skipped { get; private set; }

    public List<string> Labels { get; } = new();

    public List<int> LabelLines { get; } = new();

    /// <summary>With several label columns: their names, and the 0/1 targets row by row.</summary>
    public string[] LabelNames { get; init; } = [];

    public List<float> MultiLabels { get; } = new();

    /// <summary>Rows × features, row-major (empty unless features were kept).</summary>
    public ReadOnlySpan<float> Features => _features.AsSpan(0, (int)_length);

    public static CsvScan Run(string path, CsvLoadOptions options, string name, bool keepFeatures, CancellationToken cancellation = default)
    {
        using var stream = Open(path, name);
        using var text = new StreamReader(stream, detectEncodingFromByteOrderMarks: true);
        string? first = File.ReadLines(path).FirstOrDefault();
        if (first is null) throw new DataException($"{name} is empty; a CSV file needs a header line");
        var records = new CsvRecordReader(text, options.Delimiter ?? CsvRecordReader.Detect(first), name);
        records.Read();
        string[] header = records.Cells.Select(h => h.Trim()).ToArray();
        if (header.GroupBy(h => h).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
            throw new DataException($"{name} has two columns named `{duplicate.Key}`");
        string columns = string.Join(", ", header.Select(h => $"`{h}`"));
        int label = options.Label is { } l
            ? Array.IndexOf(header, l) is var i and >= 0 ? i : throw new DataException($"{name} has no label column `{l}` (its columns: {columns})")
            : -1;
        string[] labelNames = options.Labels?.ToArray() ?? [];
        int[] labelIndex = labelNames.Select(l =>
            Array.IndexOf(header, l) is var c and >= 0 ? c : throw new DataException($"{name} has no label column `{l}` (its columns: {columns})")).ToArray();
        var featureNames = options.Features?.ToArray() ?? header.Where((_, c) => c != label && !labelIndex.Contains(c)).ToArray();
        if (featureNames.Length == 0) throw new DataException($"{name} has no feature columns besides the label{(labelNames.Length > 1 ? "s" : "")}");
        int[] featureIndex = featureNames.Select(f =>
            f == options.Label || labelNames.Contains(f) ? throw new DataException($"`{f}` is a label column of {name}; it cannot also be a feature")
            : Array.IndexOf(header, f) is var c and >= 0 ? c : throw new DataException($"{name} has no feature column `{f}` (its columns: {columns})")).ToArray();

        var scan = new CsvScan { Name = name, FeatureNames = featureNames, LabelName = options.Label, LabelColumn = label + 1, LabelNames = labelNames };
        var row = new float[featureIndex.Length];
        while (records.Read())
        {
            if ((scan.Rows & 0xFFF) == 0) cancellation.ThrowIfCancellationRequested();
            List<string> cells = records.Cells;
            if (cells.Count == 1 && cells[0].Length == 0 && header.Length > 1) continue; // a blank line
            if (cells.Count != header.Length)
                throw new DataException($"line {records.Line} of {name} has {cells.Count} field{(cells.Count == 1 ? "" : "s")}, but the header has {header.Length}");
            if (!scan.ReadRow(cells, records.Line, header, featureIndex, label, labelIndex, row, options.Missing)) continue;
            if (keepFeatures) scan.Append(row);
        }
        if (scan.Rows == 0)
            throw new DataException(scan.Skipped > 0
                ? $"every row of {name} has a missing value, so missing=skip leaves none"
                : $"{name} has a header but no rows");
        return scan;
    }

    /// <summary>Parses one record's features into <paramref name="row"/>; false when a missing
    /// value leaves it out.</summary>
    bool ReadRow(List<string> cells, int line, string[] header, int[] featureIndex, int label, int[] labelIndex, float[] row, CsvMissing missing)
    {
        for (int f = 0; f < featureIndex.Length; f++)
        {
            int c = featureIndex[f];
            string cell = cells[c].Trim();
            if (MissingTokens.Contains(cell))
            {
                if (missing == CsvMissing.Skip) { Skipped++; return false; }
                throw Cell(line, c, header[c], $"missing value{(cell.Length == 0 ? "" : $" `{cell}`")}; fill it in, or add missing=skip to leave out rows with missing values");
            }
            if (!float.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out float value))
                throw Cell(line, c, header[c], $"`{Excerpt(cell)}` is not a number{(cell.Contains(',') ? " (NetScript reads numbers with a decimal point, not a comma)" : "")}");
            if (!float.IsFinite(value))
                throw Cell(line, c, header[c], $"`{Excerpt(cell)}` is not a finite number (float32 features must be finite)");
            row[f] = value;
        }
        if (missing == CsvMissing.Skip && labelIndex.Any(c => MissingTokens.Contains(cells[c].Trim())))
        {
            Skipped++;
            return false;
        }
        ReadMultiLabels(cells, line, header, labelIndex);
        if (label >= 0)
        {
            string cell = cells[label].Trim();
            if (MissingTokens.Contains(cell))
            {
                if (missing == CsvMissing.Skip) { Skipped++; return false; }
                throw Cell(line, label, header[label], "missing label; fill it in, or add missing=skip to leave out rows with missing values");
            }
            Labels.Add(cell);
            LabelLines.Add(line);
        }
        Rows++;
        return true;
    }

    /// <summary>The row's 0/1 label columns (multi-label data). A missing one is an error: with
    /// missing=skip, rows with a missing one were left out before.</summary>
    void ReadMultiLabels(List<string> cells, int line, string[] header, int[] labelIndex)
    {
        foreach (int c in labelIndex)
        {
            string cell = cells[c].Trim();
            if (cell is "0" or "0.0" or "false" or "False") MultiLabels.Add(0f);
            else if (cell is "1" or "1.0" or "true" or "True") MultiLabels.Add(1f);
            else throw Cell(line, c, header[c], $"`{Excerpt(cell)}` is not a 0/1 label (a label column of a multi-label file holds 0 or 1)");
        }
    }

    void Append(float[] row)
    {
        if (_length + row.Length > _features.Length)
        {
            long size = Math.Max(_features.LongLength * 2, 1024 + row.Length);
            if (size > Array.MaxLength) throw new DataException($"{Name} holds more values than one array can");
            Array.Resize(ref _features, (int)size);
        }
        row.CopyTo(_features, _length);
        _length += row.Length;
    }

    public DataException Cell(int line, int column, string header, string problem) =>
        new($"line {line}, column {column + 1} (`{header}`) of {Name}: {problem}");

    /// <summary>Long values are cut in messages, as source excerpts are.</summary>
    public static string Excerpt(string cell) => cell.Length <= 40 ? cell : cell[..37] + "…";

    static FileStream Open(string path, string name)
    {
        if (Directory.Exists(path)) throw new DataException($"{name} is a folder, not a CSV file");
        if (!File.Exists(path))
            throw new DataException($"{name} does not exist" + (Path.IsPathRooted(name.Trim('"')) ? "" : " (a relative path starts from the script's folder)"));
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataException($"cannot open {name}: {e.Message}", e);
        }
    }
}
