using static NetScript.Language.Schema.OperationCategory;

namespace NetScript.Language.Schema;

/// <summary>The kinds of <c>load KIND "source" … as NAME</c> and the options of those that
/// read files (catalog entries have their own, in <see cref="DatasetCatalogSchema"/>).</summary>
public static class LoadSchema
{
    public const string Dataset = "dataset";

    public static readonly OperationSpec Parquet = OperationSpec.Create("parquet", Statement,
        "Loads a Parquet file (path relative to the script): one column per feature, or one list column holding each "
        + "sample (images). The checker reads only the file's footer. `netscript data import` makes such files from CSV or IDX.",
        Parameter.Name("label", "The label column; defaults to the one the file's metadata names (files from `data import` do)."),
        Parameter.Names("features", "Feature columns in order; by default every column but the label."),
        Parameter.Ints("shape", "Shape of one sample, e.g. [1, 28, 28]; its size must equal the feature count or list length. "
            + "Defaults to the file's metadata, else a flat [features].", min: 1),
        Parameter.Int("classes", "Number of classes; defaults to the file's metadata, else max(label) + 1 from the column statistics.", min: 1, max: 1_000_000),
        Parameter.Choice("task", "`classification` (labels are class indices 0 … K−1) or `regression` (real-valued targets); "
            + "defaults to the file's metadata, else classification.", "classification", "regression")) with
    {
        Example = "load parquet \"data/train.parquet\" label=y features=[x1, x2] as train",
    };

    public static IReadOnlyList<string> Kinds { get; } = [Dataset, Parquet.Name];
}
