using NetScript.Language.Lowering;

namespace NetScript.Language.Semantics;

/// <summary>Describes a dataset source for the checker (shape, classes) from metadata only —
/// implemented by the runtime over NetScript.Data, so the language never touches Parquet or
/// tensors. The checker asks with the lowered source (<see cref="Lowerer.Source"/>), the same
/// record the runtime later loads.</summary>
public interface IDatasetResolver
{
    /// <summary>Returns the description, or null with <paramref name="error"/> set to a
    /// message for the user (missing file, missing column, …).</summary>
    DatasetInfo? Describe(DataSourceSpec source, out string? error);
}
