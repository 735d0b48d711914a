namespace NetScript.Data;

/// <summary>What loading does with a missing value (an empty cell, `NA`, `N/A`, `NaN` or
/// `null`, as pandas writes them): report it with its line and column, or leave its row out.</summary>
public enum CsvMissing
{
    Error,
    Skip,
}
