namespace NetScript.Data;

/// <summary>A Parquet dataset described from its footer alone (schema, row groups, metadata,
/// statistics): what the checker needs, without reading any data page.</summary>
/// <param name="Classes">Class count; 0 for regression.</param>
/// <param name="ImageColumn">The list column holding each sample, or null for a table with one
/// column per feature.</param>
/// <param name="ClassesFrom">Where the class count came from, for messages ("the file's
/// metadata", "the label statistics", …).</param>
public sealed record ParquetDatasetInfo(
    long Rows,
    long[] SampleShape,
    int Classes,
    DatasetTask Task,
    string Label,
    IReadOnlyList<string> Features,
    string? ImageColumn,
    string ClassesFrom)
{
    public long SampleSize => SampleShape.Aggregate(1L, (a, d) => a * d);

    /// <summary>Targets per sample when there are several (multi-label 0/1 columns); null: one label.</summary>
    public int? Targets { get; init; }
}
