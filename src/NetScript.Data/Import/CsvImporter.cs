using System.Globalization;
using System.Text.Json;

namespace NetScript.Data;

/// <summary>CSV → Parquet with the reader `load csv` uses, so the same cells are refused with
/// their line and column (text or non-finite features, missing values, a file with no rows).
/// Features become float32 columns in file order; the label column named in the options is
/// recorded in the file: whole numbers are class indices, text labels class names (indices in
/// sorted order, names kept), other real numbers a regression target.</summary>
internal static class CsvImporter
{
    public static ImportSummary Import(string source, string destination, ImportOptions options)
    {
        var read = new CsvLoadOptions { Label = options.LabelColumn };
        CsvScan scan = CsvScan.Run(source, read, source, keepFeatures: true);
        int rows = checked((int)scan.Rows);
        float[] features = scan.Features.ToArray();
        var columns = new List<TableColumn>();
        for (int c = 0; c < scan.FeatureNames.Length; c++)
            columns.Add(TableColumn.Floats(scan.FeatureNames[c], features, c, scan.FeatureNames.Length));

        var metadata = new Dictionary<string, string> { [MetadataKeys.Source] = IdxImporter.Fingerprint(source) };
        var task = DatasetTask.Classification;
        int classes = 0;
        if (scan.LabelName is { } label)
        {
            double?[] values = scan.Labels.Select(l => double.TryParse(l, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) ? v : (double?)null).ToArray();
            bool real = values.All(v => v is not null) && values.Any(v => v != Math.Floor(v!.Value));
            CsvLabels labels = CsvLabels.Of(scan, read with { Task = real ? DatasetTask.Regression : null });
            task = labels.Task;
            classes = labels.Classes;
            columns.Add(labels.Targets is { } targets ? TableColumn.Floats(label, targets) : TableColumn.Longs(label, labels.ClassIndices!));
            if (labels.Names is { } names) metadata[MetadataKeys.LabelNames] = JsonSerializer.Serialize(names);
            metadata[MetadataKeys.Label] = label;
            metadata[MetadataKeys.Task] = task == DatasetTask.Regression ? "regression" : "classification";
            if (task == DatasetTask.Classification) metadata[MetadataKeys.Classes] = classes.ToString(CultureInfo.InvariantCulture);
        }
        ParquetTableWriter.Write(destination, columns, rows, metadata, options.RowGroupSize);
        string[] written = columns.Select(c => c.Name).ToArray();
        return new ImportSummary("CSV", rows, written, [scan.FeatureNames.Length], scan.LabelName, classes, task, new FileInfo(destination).Length);
    }
}
