namespace NetScript.Language.Diagnostics;

public static partial class DiagnosticCatalog
{
    public static readonly DiagnosticDescriptor NonFiniteLoss =
        Error("NS0701", "Non-finite loss", "training of `{0}` stopped: the loss became {1} at epoch {2}, step {3}; lower the learning rate or check the data{4}");

    public static readonly DiagnosticDescriptor Cancelled =
        Error("NS0702", "Cancelled", "{0} was cancelled{1}");

    public static readonly DiagnosticDescriptor TrainingError =
        Error("NS0703", "Training error", "{0}");

    public static readonly DiagnosticDescriptor ResumeFailed =
        Error("NS0710", "Cannot resume", "cannot resume `{0}` from \"{1}\": {2}");

    public static readonly DiagnosticDescriptor FileError =
        Error("NS0901", "File error", "{0}");

    public static readonly DiagnosticDescriptor InternalError =
        Error("NS0999", "Internal error", "internal error: {0} (please report this with the script)");
}
