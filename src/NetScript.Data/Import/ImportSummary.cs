namespace NetScript.Data;

/// <summary>What <see cref="DatasetImporter.Import"/> wrote.</summary>
/// <param name="Label">The label column, or null when none was named (CSV).</param>
public sealed record ImportSummary(string Format, long Rows, IReadOnlyList<string> Columns, long[] SampleShape, string? Label,
    int Classes, DatasetTask Task, long Bytes);
