namespace NetScript.Language.Semantics;

/// <summary>Describes a dataset source for the checker (shape, classes) from metadata only —
/// implemented by NetScript.Data, so the language never touches Parquet or tensors.</summary>
public interface IDatasetResolver
{
    /// <summary>Returns the description, or null with <paramref name="error"/> set to a
    /// message for the user (missing file, missing column, …).</summary>
    DatasetInfo? Describe(DatasetSource source, out string? error);
}
