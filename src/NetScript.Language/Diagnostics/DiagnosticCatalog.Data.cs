namespace NetScript.Language.Diagnostics;

/// <summary>NS06xx: datasets, their files and preprocessing.</summary>
public static partial class DiagnosticCatalog
{
    /// <summary>A dataset cannot be described or read: missing file, missing column,
    /// non-numeric feature, NaN, ragged samples, corrupt file, missing package…</summary>
    public static readonly DiagnosticDescriptor DataError =
        Error("NS0601", "Data error", "{0}");

    public static readonly DiagnosticDescriptor PcaComponents =
        Error("NS0602", "Too many components", "`pca {0}` keeps more components than the {1} values of each sample of `{2}` (shape {3})");

    public static readonly DiagnosticDescriptor NeedsChannels =
        Error("NS0603", "Samples without channels",
            "`{0} per_channel` needs samples with channels, shaped [C, H, W]; `{1}` has samples of shape {2} (use per_feature or global)");

    public static readonly DiagnosticDescriptor PreprocessShapeMismatch =
        Error("NS0604", "Preprocessing shape mismatch",
            "preprocessing fitted on `{0}` (samples {1}) cannot be applied to `{2}` (samples {3}); every dataset it applies to needs the same sample shape");

    public static readonly DiagnosticDescriptor StratifyRegression =
        Error("NS0605", "Stratified regression split", "`stratify` needs class labels, but `{0}` holds real-valued targets (a regression dataset)");

    public static readonly DiagnosticDescriptor EmptyRange =
        Error("NS0606", "Empty range", "`{0}` needs {1} below {2} (got {3} and {4})");

    public static readonly DiagnosticDescriptor ArgumentConflict =
        Error("NS0607", "Conflicting arguments", "`{0}` does not apply to {1}");
}
