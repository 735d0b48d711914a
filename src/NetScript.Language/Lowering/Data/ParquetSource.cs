using System.Collections.Immutable;

namespace NetScript.Language.Lowering;

/// <summary>A Parquet file, with the columns and sample shape to read; null options come from
/// the file's metadata. <see cref="DataSourceSpec.Location"/> is the path as written, relative to
/// <see cref="BaseDirectory"/> (the script's folder; null: the current directory).</summary>
public sealed record ParquetSource(string Location, string? BaseDirectory) : DataSourceSpec(Location)
{
    public string? Label { get; init; }

    public ImmutableArray<string>? Features { get; init; }

    public ImmutableArray<long>? Shape { get; init; }

    public int? Classes { get; init; }

    public TargetKind? Task { get; init; }

    /// <summary>The file's full path.</summary>
    public string ResolvePath() => System.IO.Path.GetFullPath(System.IO.Path.Combine(BaseDirectory ?? Directory.GetCurrentDirectory(), Location));
}
