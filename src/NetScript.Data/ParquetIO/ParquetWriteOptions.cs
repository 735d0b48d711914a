namespace NetScript.Data;

/// <summary>How <see cref="ParquetDatasetWriter"/> lays a dataset out.</summary>
public sealed record ParquetWriteOptions
{
    public string Label { get; init; } = "label";

    /// <summary>Names of the feature columns of a table; default x0, x1, ….</summary>
    public IReadOnlyList<string>? FeatureNames { get; init; }

    /// <summary>Write one list column per sample instead of one column per feature; by
    /// default samples of rank 2 and more (images) are written as lists.</summary>
    public bool? AsLists { get; init; }

    public string ListColumn { get; init; } = "image";

    /// <summary>~10k-row groups read fastest for 784-value images (API-NOTES.md).</summary>
    public int RowGroupSize { get; init; } = 10_000;

    /// <summary>Snappy pages; false for a cache (<see cref="ParquetCompression.Options"/>).</summary>
    public bool Compress { get; init; } = true;

    /// <summary>Extra key-value metadata (e.g. <see cref="MetadataKeys.Source"/>).</summary>
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }
}
