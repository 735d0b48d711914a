using System.Globalization;
using System.Text.Json;

namespace NetScript.Data;

/// <summary>CSV → Parquet, one column per CSV column: whole numbers as int64, other numbers
/// (including NaN) as float32, anything else as text; empty cells become nulls, which the
/// loader reports. The label column named in the options is recorded in the file: text
/// labels become class indices in sorted order with their names kept; real numbers make a
/// regression target.</summary>
internal static class CsvImporter
{
    public static ImportSummary Import(string source, string destination, ImportOptions options)
    {
        CsvTable table = CsvTable.Read(source);
        int rows = table.Rows.Count;
        int labelIndex = options.LabelColumn is { } label
            ? Array.IndexOf(table.Header, label) is var i and >= 0 ? i
                : throw new DataException($"{source} has no column `{label}` (its columns: {string.Join(", ", table.Header.Select(h => $"`{h}`"))})")
            : -1;

        var metadata = new Dictionary<string, string> { [MetadataKeys.Source] = IdxImporter.Fingerprint(source) };
        var columns = new List<TableColumn>();
        int classes = 0;
        var task = DatasetTask.Classification;
        for (int c = 0; c < table.Header.Length; c++)
        {
            string[] cells = table.Rows.Select(r => r[c].Trim()).ToArray();
            bool[] missing = cells.Select(s => s.Length == 0).ToArray();
            bool[]? nulls = missing.Any(m => m) ? missing : null;
            string name = table.Header[c];
            if (c == labelIndex && nulls is not null)
                throw new DataException($"line {table.Lines[Array.IndexOf(missing, true)]} of {source} has no label (`{name}` is empty)");

            if (cells.Where((_, r) => !missing[r]).All(IsInteger))
            {
                long[] values = cells.Select(s => s.Length == 0 ? 0 : long.Parse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)).ToArray();
                columns.Add(TableColumn.Longs(name, values, nulls));
                if (c == labelIndex)
                {
                    long min = rows == 0 ? 0 : values.Min();
                    if (min < 0) throw new DataException($"the labels `{name}` of {source} go down to {min}; class labels must be 0, 1, 2, …");
                    classes = rows == 0 ? 0 : (int)values.Max() + 1;
                }
            }
            else if (cells.Where((_, r) => !missing[r]).All(IsNumber))
            {
                float[] values = cells.Select(s => s.Length == 0 ? 0f : float.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray();
                columns.Add(TableColumn.Floats(name, values, missing: nulls));
                if (c == labelIndex) task = DatasetTask.Regression;
            }
            else if (c == labelIndex)
            {
                string[] names = cells.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
                var index = names.Select((n, k) => (n, k)).ToDictionary(x => x.n, x => (long)x.k, StringComparer.Ordinal);
                columns.Add(TableColumn.Longs(name, cells.Select(s => index[s]).ToArray()));
                metadata[MetadataKeys.LabelNames] = JsonSerializer.Serialize(names);
                classes = names.Length;
            }
            else
            {
                columns.Add(TableColumn.Texts(name, cells.Select((s, r) => missing[r] ? null : s).ToArray()));
            }
        }

        string? labelName = labelIndex >= 0 ? table.Header[labelIndex] : null;
        if (labelName is not null)
        {
            metadata[MetadataKeys.Label] = labelName;
            metadata[MetadataKeys.Task] = task == DatasetTask.Regression ? "regression" : "classification";
            if (task == DatasetTask.Classification) metadata[MetadataKeys.Classes] = classes.ToString(CultureInfo.InvariantCulture);
        }
        ParquetTableWriter.Write(destination, columns, rows, metadata, options.RowGroupSize);
        long features = table.Header.Length - (labelName is null ? 0 : 1);
        return new ImportSummary("CSV", rows, table.Header, [features], labelName, task == DatasetTask.Regression ? 0 : classes, task,
            new FileInfo(destination).Length);
    }

    static bool IsInteger(string s) => long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);

    static bool IsNumber(string s) => float.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
}
