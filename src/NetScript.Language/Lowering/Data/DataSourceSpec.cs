namespace NetScript.Language.Lowering;

/// <summary>Where a <c>load</c> reads from, lowered: a catalog entry or a file with typed
/// options. <see cref="Location"/> is the name or path as written, for messages.</summary>
public abstract record DataSourceSpec(string Location);
