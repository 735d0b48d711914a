using static TorchSharp.torch;

namespace NetScript.Data;

/// <summary>Reads CSV files as datasets (`load csv`): a header line, one column per feature,
/// the label column named by the options. <see cref="Describe"/> makes one pass that checks
/// every cell and keeps only the labels (for the checker); <see cref="Read"/> parses the
/// features row by row into one float32 array that becomes the feature tensor.</summary>
public static class CsvDatasetReader
{
    public static ParquetDatasetInfo Describe(string path, CsvLoadOptions options, string? displayName = null)
    {
        string name = displayName ?? ParquetDatasetReader.Quote(path);
        CsvScan scan = CsvScan.Run(path, Require(options, name), name, keepFeatures: false);
        CsvLabels labels = CsvLabels.Of(scan, options);
        return new ParquetDatasetInfo(scan.Rows, [scan.FeatureNames.Length], labels.Classes, labels.Task, scan.LabelName ?? string.Join(", ", scan.LabelNames),
            scan.FeatureNames, null, labels.ClassesFrom) { Targets = scan.LabelNames.Length > 0 ? scan.LabelNames.Length : null };
    }

    public static TensorDataset Read(string path, CsvLoadOptions options, string? displayName = null, CancellationToken cancellation = default)
    {
        string name = displayName ?? ParquetDatasetReader.Quote(path);
        CsvScan scan = CsvScan.Run(path, Require(options, name), name, keepFeatures: true, cancellation);
        CsvLabels labels = CsvLabels.Of(scan, options);
        Tensor features = tensor(scan.Features.ToArray(), [scan.Rows, scan.FeatureNames.Length]); // (N, F)
        Tensor target = labels.Targets is { } targets
            ? scan.LabelNames.Length > 0 ? tensor(targets, [scan.Rows, scan.LabelNames.Length]) : tensor(targets)
            : tensor(labels.ClassIndices!);
        return new TensorDataset(features, target, labels.Classes);
    }

    static CsvLoadOptions Require(CsvLoadOptions options, string name) => options.Label is null && options.Labels is not { Count: > 0 }
        ? throw new DataException($"{name} needs label=COLUMN (or labels=[…] for several 0/1 label columns): a CSV file does not say which column holds the labels")
        : options;
}
