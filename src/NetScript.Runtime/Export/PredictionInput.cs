using System.Globalization;
using NetScript.Data;
using Parquet;
using Parquet.Schema;
using static TorchSharp.torch;

namespace NetScript.Runtime.Export;

/// <summary>Rows to predict, read from Parquet or CSV as raw samples (N, …) shaped as the
/// model's input, with their labels when the file has a label column (named, or recorded in
/// a Parquet file's metadata, or called <c>label</c>).</summary>
internal static class PredictionInput
{
    public static (Tensor Features, long[]? Labels) Read(string path, long[] sampleShape, string? label)
    {
        if (!File.Exists(path)) throw new DataException($"\"{path}\" does not exist");
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".parquet" => ReadParquet(path, sampleShape, label),
            ".csv" => ReadCsv(path, sampleShape, label),
            var other => throw new DataException($"\"{path}\": predictions read .parquet or .csv files, not `{other}`"),
        };
    }

    static (Tensor, long[]?) ReadParquet(string path, long[] sampleShape, string? label)
    {
        var metadata = ParquetDatasetReader.TryReadMetadata(path) ?? throw new DataException($"\"{path}\" is not a readable Parquet file");
        label ??= metadata.GetValueOrDefault(MetadataKeys.Label);
        if (label is null) return (ReadTable(path, sampleShape), null);
        using TensorDataset data = ParquetDatasetReader.Read(path, new ParquetLoadOptions { Label = label });
        long size = sampleShape.Aggregate(1L, (a, d) => a * d);
        long given = data.Features[0].numel();
        if (given != size)
            throw new DataException($"\"{path}\" has samples of {given} values ({Shape(data.SampleShape)}); the model takes {size} ({Shape(sampleShape)})");
        long[]? labels = data.IsRegression ? null : data.LabelArray();
        return (data.Features.reshape([data.Count, .. sampleShape]).clone(), labels);
    }

    /// <summary>An unlabeled table: every column is a feature, in order.</summary>
    static Tensor ReadTable(string path, long[] sampleShape) => Blocking.Run(() => ReadTableAsync(path, sampleShape));

    static async Task<Tensor> ReadTableAsync(string path, long[] sampleShape)
    {
        await using var stream = File.OpenRead(path);
        await using var reader = await ParquetReader.CreateAsync(stream);
        DataField[] fields = reader.Schema.GetDataFields();
        if (reader.Schema.Fields.Count != fields.Length || fields.Any(f => f.MaxRepetitionLevel > 0))
            throw new DataException($"\"{path}\" holds list columns (images) but names no label column; pass --label COLUMN");
        CheckWidth(path, fields.Select(f => f.Name).ToArray(), sampleShape);
        long rows = reader.RowGroups.Sum(g => g.RowCount);
        var values = new float[rows * fields.Length];
        long offset = 0;
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            int count = (int)group.RowCount;
            for (int f = 0; f < fields.Length; f++)
            {
                double[] column = await ReadNumbers(group, fields[f], count, path);
                for (int r = 0; r < count; r++) values[(offset + r) * fields.Length + f] = (float)column[r];
            }
            offset += count;
        }
        return tensor(values).reshape([rows, .. sampleShape]);
    }

    static async Task<double[]> ReadNumbers(ParquetRowGroupReader group, DataField field, int rows, string path)
    {
        if (field.IsNullable) throw new DataException($"the column `{field.Name}` of \"{path}\" may hold missing values; predictions need every feature");
        if (field.ClrType == typeof(float)) { var v = new float[rows]; await group.ReadAsync(field, v.AsMemory()); return v.Select(x => (double)x).ToArray(); }
        if (field.ClrType == typeof(double)) { var v = new double[rows]; await group.ReadAsync(field, v.AsMemory()); return v; }
        if (field.ClrType == typeof(int)) { var v = new int[rows]; await group.ReadAsync(field, v.AsMemory()); return v.Select(x => (double)x).ToArray(); }
        if (field.ClrType == typeof(long)) { var v = new long[rows]; await group.ReadAsync(field, v.AsMemory()); return v.Select(x => (double)x).ToArray(); }
        throw new DataException($"the column `{field.Name}` of \"{path}\" holds {field.ClrType.Name} values; features must be numbers");
    }

    static (Tensor, long[]?) ReadCsv(string path, long[] sampleShape, string? label)
    {
        string headerLine;
        using (var first = new StreamReader(path)) headerLine = first.ReadLine() ?? throw new DataException($"\"{path}\" is empty; a CSV file needs a header line");
        using var text = new StreamReader(path);
        var records = new CsvRecordReader(text, CsvRecordReader.Detect(headerLine), $"\"{path}\"");
        records.Read();
        string[] header = records.Cells.Select(h => h.Trim()).ToArray();
        int labelIndex = Array.IndexOf(header, label ?? "label");
        if (label is not null && labelIndex < 0) throw new DataException($"\"{path}\" has no column `{label}` (its columns: {string.Join(", ", header)})");
        int[] features = Enumerable.Range(0, header.Length).Where(c => c != labelIndex).ToArray();
        CheckWidth(path, features.Select(c => header[c]).ToArray(), sampleShape);
        var values = new List<float>();
        List<long>? labels = labelIndex < 0 ? null : new();
        int rows = 0;
        while (records.Read())
        {
            if (records.Cells is [""]) continue; // a blank line
            if (records.Cells.Count != header.Length)
                throw new DataException($"line {records.Line} of \"{path}\" has {records.Cells.Count} fields, the header {header.Length}");
            foreach (int f in features)
            {
                string cell = records.Cells[f].Trim();
                values.Add(float.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out float value) && float.IsFinite(value) ? value
                    : throw new DataException($"line {records.Line} of \"{path}\": `{header[f]}` is \"{cell}\", not a number"));
            }
            if (labels is not null && long.TryParse(records.Cells[labelIndex].Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long target))
                labels.Add(target);
            else
                labels = null; // text or real-valued targets: not class indices, so they are not compared
            rows++;
        }
        return (tensor(values.ToArray()).reshape([rows, .. sampleShape]), labels?.ToArray());
    }

    static void CheckWidth(string path, string[] columns, long[] sampleShape)
    {
        long size = sampleShape.Aggregate(1L, (a, d) => a * d);
        if (columns.Length != size)
            throw new DataException($"\"{path}\" has {columns.Length} feature column{(columns.Length == 1 ? "" : "s")} ({string.Join(", ", columns.Take(8))}{(columns.Length > 8 ? ", …" : "")}); "
                + $"the model takes {size} values per sample ({Shape(sampleShape)})");
    }

    static string Shape(long[] shape) => "[" + string.Join(", ", shape) + "]";
}
