namespace NetScript.Language.Diagnostics;

public static partial class DiagnosticCatalog
{
    public static readonly DiagnosticDescriptor PreprocessWithoutSplit =
        Error("NS0401", "Preprocessing before split",
            "preprocessing fits its statistics on `{0}`, but no split named `{0}` exists; split the data first (statistics fitted on all data leak the validation set into training)");

    public static readonly DiagnosticDescriptor ModelNotTrained =
        Error("NS0402", "Model not trained", "model `{0}` is evaluated before any `train {0} on …`");

    public static readonly DiagnosticDescriptor EmptyModel =
        Error("NS0403", "Empty model", "model `{0}` has no layers");

    public static readonly DiagnosticDescriptor SplitOfSplit =
        Error("NS0404", "Preprocessed data split", "`{0}` was already preprocessed; split before `preprocess` so statistics come from the training part only");

    public static readonly DiagnosticDescriptor KfoldOfPreprocessed =
        Error("NS0405", "Folds of preprocessed data",
            "`{0}` was already preprocessed with statistics fitted on `{1}` ({2}), which would leak every held-out fold into them; put `kfold` before `preprocess`, so each fold fits the statistics on its own training part");

    public static readonly DiagnosticDescriptor ModelOnlyCrossValidated =
        Error("NS0406", "Model only cross-validated",
            "model `{0}` was only cross-validated (`train {0} on {1}` trains {2} fresh copies to estimate how well it generalises, and keeps none of them); train it before evaluating, e.g. `train {0} on {3}`");
}
