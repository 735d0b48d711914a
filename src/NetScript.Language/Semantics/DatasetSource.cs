namespace NetScript.Language.Semantics;

/// <summary>Where a <c>load</c> reads from: <c>dataset "spiral"</c> (catalog) and its
/// checked arguments, with the seed in force for generated data.</summary>
public sealed record DatasetSource(string Kind, string Location, BoundArguments Arguments, long Seed);
