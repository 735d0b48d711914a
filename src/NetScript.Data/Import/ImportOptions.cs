namespace NetScript.Data;

/// <summary>Options of <c>netscript data import</c>.</summary>
public sealed record ImportOptions
{
    /// <summary>IDX: the labels file; by default the images file's name with
    /// "images-idx3" replaced by "labels-idx1" (the MNIST naming).</summary>
    public string? Labels { get; init; }

    /// <summary>CSV: the column holding the labels (text labels become class indices, with
    /// the names recorded in the file; real numbers make a regression target).</summary>
    public string? LabelColumn { get; init; }

    public int RowGroupSize { get; init; } = 10_000;

    /// <summary>IDX: Snappy pages; false for the catalog's cache (<see cref="ParquetCompression.Options"/>).</summary>
    public bool Compress { get; init; } = true;
}
