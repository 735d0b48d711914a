namespace NetScript.Data;

/// <summary>How to read a Parquet file as a dataset. Null means "use the file's own
/// metadata (<see cref="MetadataKeys"/>), else the rule documented on each property".</summary>
public sealed record ParquetLoadOptions
{
    /// <summary>The label column; falls back to <see cref="MetadataKeys.Label"/>.</summary>
    public string? Label { get; init; }

    /// <summary>Feature columns in order; by default every column but the label. One list
    /// column makes an image dataset (one fixed-length list of floats per sample).</summary>
    public IReadOnlyList<string>? Features { get; init; }

    /// <summary>Shape of one sample; its size must equal the feature count (or list length).
    /// Falls back to <see cref="MetadataKeys.Shape"/>, then to a flat [features].</summary>
    public long[]? Shape { get; init; }

    /// <summary>Number of classes; falls back to <see cref="MetadataKeys.Classes"/>, then to
    /// max(label) + 1 from the label column's min/max statistics in the footer.</summary>
    public int? Classes { get; init; }

    /// <summary>Falls back to <see cref="MetadataKeys.Task"/>, then classification.</summary>
    public DatasetTask? Task { get; init; }
}
