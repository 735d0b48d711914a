namespace NetScript.Language.Diagnostics;

public static partial class DiagnosticCatalog
{
    public static readonly DiagnosticDescriptor OutputWidth =
        Error("NS0301", "Output width mismatch",
            "model `{0}` ends with {1} output(s), but `{2}` has {3} classes; make the last layer `dense {3}`");

    public static readonly DiagnosticDescriptor TargetShape =
        Error("NS0303", "Target shape mismatch",
            "model `{0}` ends with output shape {1}, but the targets of `{2}` have shape {3}; make the last layer produce {3}");

    public static readonly DiagnosticDescriptor LayerInputShape =
        Error("NS0302", "Layer input shape", "`{0}` cannot take input of shape {1}: {2}");
}
