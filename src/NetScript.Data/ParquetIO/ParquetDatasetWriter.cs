using System.Globalization;
using static TorchSharp.torch;

namespace NetScript.Data;

/// <summary>Writes datasets as self-describing Parquet files: features as one column per
/// feature or one float list per sample, the label column, and the metadata
/// (<see cref="MetadataKeys"/>) that lets the checker describe the file from its footer.</summary>
public static class ParquetDatasetWriter
{
    public static void Write(TensorDataset data, string path, ParquetWriteOptions? options = null)
    {
        using var features = data.Features.to_type(ScalarType.Float32).contiguous();
        float[] values = features.data<float>().ToArray();
        if (data.IsRegression)
            Write(values, data.SampleShape, null, data.Labels.to_type(ScalarType.Float32).data<float>().ToArray(), 0, path, options ?? new());
        else
            Write(values, data.SampleShape, data.LabelArray(), null, data.Classes, path, options ?? new());
    }

    /// <summary>Row-major <paramref name="features"/> (rows × sample size) with either class
    /// labels (<paramref name="classes"/> ≥ 1) or regression <paramref name="targets"/>.</summary>
    public static void Write(ReadOnlyMemory<float> features, long[] sampleShape, long[]? labels, float[]? targets, int classes,
        string path, ParquetWriteOptions options)
    {
        int size = checked((int)sampleShape.Aggregate(1L, (a, d) => a * d));
        int rows = labels?.Length ?? targets?.Length ?? throw new ArgumentException("labels or targets are required");
        if (features.Length != (long)rows * size)
            throw new ArgumentException($"{features.Length} feature values do not make {rows} samples of {size}", nameof(features));
        bool lists = options.AsLists ?? sampleShape.Length > 1;
        var columns = new List<TableColumn>();
        if (lists)
        {
            columns.Add(TableColumn.FloatLists(options.ListColumn, features, size));
        }
        else
        {
            var names = options.FeatureNames ?? Enumerable.Range(0, size).Select(i => "x" + i.ToString(CultureInfo.InvariantCulture)).ToList();
            if (names.Count != size) throw new ArgumentException($"{names.Count} feature names for {size} features", nameof(options));
            for (int j = 0; j < size; j++) columns.Add(TableColumn.Floats(names[j], features, j, size));
        }
        columns.Add(labels is not null ? TableColumn.Longs(options.Label, labels) : TableColumn.Floats(options.Label, targets!));

        var metadata = new Dictionary<string, string>(options.Metadata ?? new Dictionary<string, string>())
        {
            [MetadataKeys.Label] = options.Label,
            [MetadataKeys.Task] = labels is not null ? "classification" : "regression",
            [MetadataKeys.Shape] = ParquetLayout.FormatShape(sampleShape),
        };
        if (labels is not null) metadata[MetadataKeys.Classes] = classes.ToString(CultureInfo.InvariantCulture);
        ParquetTableWriter.Write(path, columns, rows, metadata, options.RowGroupSize, options.Compress);
    }
}
