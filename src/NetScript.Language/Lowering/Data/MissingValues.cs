namespace NetScript.Language.Lowering;

/// <summary>`missing=` of `load csv`: report a missing value with its line and column, or leave
/// out the rows that have one.</summary>
public enum MissingValues
{
    Error,
    Skip,
}
