namespace NetScript.Data;

/// <summary>A column of a plain results table: its values are <c>long[]</c>, <c>double[]</c>,
/// <c>double?[]</c> or <c>string[]</c> according to <see cref="Type"/>.</summary>
public sealed record ResultsColumn(string Name, ResultsColumnType Type);

public enum ResultsColumnType
{
    /// <summary><c>long</c></summary>
    Integer,
    /// <summary><c>double</c></summary>
    Real,
    /// <summary><c>double?</c></summary>
    OptionalReal,
    /// <summary><c>string</c></summary>
    Text,
}
