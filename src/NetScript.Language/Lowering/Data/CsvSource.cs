using System.Collections.Immutable;

namespace NetScript.Language.Lowering;

/// <summary>A CSV file (`load csv`): the label column, the feature columns to parse (null:
/// every other column), the delimiter (null: found from the header line) and what to do with
/// missing values. <see cref="DataSourceSpec.Location"/> is the path as written, relative to
/// <see cref="BaseDirectory"/> (the script's folder; null: the current directory).</summary>
public sealed record CsvSource(string Location, string? BaseDirectory, string? Label) : DataSourceSpec(Location)
{
    /// <summary>Several 0/1 label columns (multi-label) instead of <see cref="Label"/>.</summary>
    public ImmutableArray<string>? Labels { get; init; }

    public ImmutableArray<string>? Features { get; init; }

    public char? Delimiter { get; init; }

    public MissingValues Missing { get; init; }

    public int? Classes { get; init; }

    public TargetKind Task { get; init; }

    /// <summary>The file's full path.</summary>
    public string ResolvePath() => System.IO.Path.GetFullPath(System.IO.Path.Combine(BaseDirectory ?? Directory.GetCurrentDirectory(), Location));
}
