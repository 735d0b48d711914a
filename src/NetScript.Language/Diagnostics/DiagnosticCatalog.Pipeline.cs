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
}
