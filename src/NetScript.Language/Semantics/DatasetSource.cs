namespace NetScript.Language.Semantics;

/// <summary>Where a <c>load</c> reads from: <c>dataset "spiral"</c> (catalog) or
/// <c>parquet "data/x.parquet"</c> (a file), with its checked arguments and the seed in
/// force for generated data.</summary>
public sealed record DatasetSource(string Kind, string Location, BoundArguments Arguments, long Seed)
{
    /// <summary>The folder relative file paths start from: the script's folder, or null
    /// (the current directory) for text without a file, such as a REPL submission.</summary>
    public string? BaseDirectory { get; init; }

    /// <summary><see cref="Location"/> as a full path, for file kinds.</summary>
    public string ResolvePath() => Path.GetFullPath(Path.Combine(BaseDirectory ?? Directory.GetCurrentDirectory(), Location));
}
