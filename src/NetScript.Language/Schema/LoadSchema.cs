using static NetScript.Language.Schema.OperationCategory;

namespace NetScript.Language.Schema;

/// <summary>The kinds of <c>load KIND "source" … as NAME</c> and the options of those that
/// read files (catalog entries have their own, in <see cref="DatasetCatalogSchema"/>).</summary>
public static class LoadSchema
{
    public const string Dataset = "dataset";

    /// <summary><c>load model "m.nnsm" as NAME</c>: a model file written by <c>export</c>.</summary>
    public const string Model = "model";

    public static readonly OperationSpec Parquet = OperationSpec.Create("parquet", Statement,
        "Loads a Parquet file (path relative to the script): one column per feature, or one list column holding each "
        + "sample (images). The checker reads only the file's footer. `netscript data import` makes such files from CSV or IDX.",
        Parameter.Name("label", "The label column; defaults to the one the file's metadata names (files from `data import` do)."),
        Parameter.Names("features", "Feature columns in order; by default every column but the label."),
        Parameter.Ints("shape", "Shape of one sample, e.g. [1, 28, 28]; its size must equal the feature count or list length. "
            + "Defaults to the file's metadata, else a flat [features].", min: 1, max: Limits.Count),
        Parameter.Int("classes", "Number of classes; defaults to the file's metadata, else max(label) + 1 from the column statistics.", min: 1, max: Limits.Count),
        Parameter.Choice("task", "`classification` (labels are class indices 0 … K−1) or `regression` (real-valued targets); "
            + "defaults to the file's metadata, else classification.", "classification", "regression")) with
    {
        Example = "load parquet \"data/train.parquet\" label=y features=[x1, x2] as train",
    };

    public static readonly OperationSpec Csv = OperationSpec.Create("csv", Statement,
        "Loads a CSV file (path relative to the script): a header line, one number per feature, fields separated and quoted "
        + "as RFC 4180 describes. The checker reads the file once without keeping it, so a bad cell is reported by `check` with its line and column.",
        Parameter.Name("label", "The label column: whole numbers 0, 1, 2, … are class indices, text labels class names (in sorted order). "
            + "Required unless `labels=` is given."),
        Parameter.Names("labels", "Several 0/1 label columns instead of `label=` (multi-label data: attributes that need not exclude each other). "
            + "The targets are one 0/1 number per column, for `multilabel_logistic`, `multilabel_hinge` or `binary_cross_entropy`; cells must be 0 or 1."),
        Parameter.Names("features", "Feature columns in order; by default every column but the label. Only these columns are parsed."),
        Parameter.Str("delimiter", "The field separator, \",\", \";\" or \"\\t\"; by default whichever of them the header line holds most."),
        Parameter.Choice("missing", "What to do with a missing value (an empty cell, `NA`, `N/A`, `NaN` or `null`): `error` names its line and column; "
            + "`skip` leaves out every row that has one.", "error", "error", "skip"),
        Parameter.Int("classes", "Number of classes; defaults to max(label) + 1, or the number of distinct text labels.", min: 1, max: 1_000_000),
        Parameter.Choice("task", "`classification` (labels are class indices or names) or `regression` (real-valued targets); "
            + "defaults to classification.", "classification", "classification", "regression")) with
    {
        Example = "load csv \"data/wine.csv\" label=label as train",
    };

    public static IReadOnlyList<string> Kinds { get; } = [Dataset, Parquet.Name, Csv.Name, Model];

    /// <summary>The options of a file kind (parquet, csv).</summary>
    public static OperationSpec? FileKind(string kind) => kind == Parquet.Name ? Parquet : kind == Csv.Name ? Csv : null;
}
