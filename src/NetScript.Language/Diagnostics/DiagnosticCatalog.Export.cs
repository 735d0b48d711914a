namespace NetScript.Language.Diagnostics;

/// <summary>Exporting models and datasets, loading model files, predicting (NS1300–NS1329).</summary>
public static partial class DiagnosticCatalog
{
    public static readonly DiagnosticDescriptor ExportUnsupportedLayer =
        Error("NS1300", "Layer cannot be exported", "`{0}` cannot be exported to {1}: {2}");

    public static readonly DiagnosticDescriptor ExportTarget =
        Error("NS1301", "Export target", "a {0} is exported to {1}, not \"{2}\"");

    public static readonly DiagnosticDescriptor ModelFileError =
        Error("NS1302", "Cannot load model", "cannot load model \"{0}\": {1}");

    public static readonly DiagnosticDescriptor ExportFailed =
        Error("NS1303", "Export failed", "cannot export `{0}` to \"{1}\": {2}");

    public static readonly DiagnosticDescriptor ExportNotTrained =
        Error("NS1304", "Model not trained", "model `{0}` is exported before any `train {0} on …`; an untrained model has nothing to export");

    public static readonly DiagnosticDescriptor LoadModelArguments =
        Error("NS1305", "Load model arguments", "`load model` takes no arguments (`{0}`); the file holds the architecture, weights and preprocessing");

    public static readonly DiagnosticDescriptor TransferSource =
        Error("NS1320", "Cannot transfer", "cannot transfer `{0}` from \"{1}\": {2}");

    public static readonly DiagnosticDescriptor LayerPatternNoMatch =
        Error("NS1321", "Layer pattern matches nothing", "`{0}` matches no layer of `{1}` (its layers: {2})");

    public static readonly DiagnosticDescriptor TransferOptions =
        Error("NS1322", "Transfer options", "{0}");

    public static readonly DiagnosticDescriptor PredictFailed =
        Error("NS1310", "Prediction failed", "{0}");
}
