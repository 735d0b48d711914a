namespace NetScript.Data;

/// <summary>Key-value metadata NetScript writes into Parquet files (by <c>data import</c> and
/// when saving datasets) so a file describes itself: the checker reads these from the footer
/// without touching the data. A script's explicit arguments always win over them.</summary>
public static class MetadataKeys
{
    /// <summary>Name of the label column.</summary>
    public const string Label = "netscript.label";

    /// <summary>Number of classes (labels are 0 … classes−1).</summary>
    public const string Classes = "netscript.classes";

    /// <summary><c>classification</c> or <c>regression</c>.</summary>
    public const string Task = "netscript.task";

    /// <summary>Shape of one sample, e.g. <c>[1, 28, 28]</c>.</summary>
    public const string Shape = "netscript.shape";

    /// <summary>Class names in label order, as a JSON array (CSV imports with text labels).</summary>
    public const string LabelNames = "netscript.label_names";

    /// <summary>Where the data came from (file names, sizes, times): a cache compares it.</summary>
    public const string Source = "netscript.source";
}
