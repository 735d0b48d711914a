namespace NetScript.Data;

/// <summary>How to read a CSV file as a dataset (`load csv`, `netscript data import`).</summary>
public sealed record CsvLoadOptions
{
    /// <summary>The label column; null reads every column as a feature (import only).</summary>
    public string? Label { get; init; }

    /// <summary>Several 0/1 label columns instead of <see cref="Label"/> (multi-label data: one
    /// target per column, the attributes need not exclude each other).</summary>
    public IReadOnlyList<string>? Labels { get; init; }

    /// <summary>Feature columns in order; by default every column but the label.</summary>
    public IReadOnlyList<string>? Features { get; init; }

    /// <summary>The field delimiter; null takes whichever of , ; and tab the header holds most.</summary>
    public char? Delimiter { get; init; }

    public CsvMissing Missing { get; init; } = CsvMissing.Error;

    /// <summary>Number of classes; by default max(label) + 1, or the count of distinct text labels.</summary>
    public int? Classes { get; init; }

    /// <summary>By default classification; whole-number or text labels make classes.</summary>
    public DatasetTask? Task { get; init; }
}
