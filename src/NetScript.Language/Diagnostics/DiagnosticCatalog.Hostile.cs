namespace NetScript.Language.Diagnostics;

/// <summary>Diagnostics for input that used to pass unnoticed: numbers past a limit, data too
/// small to train on, settings whose consequence is known before any compute.</summary>
public static partial class DiagnosticCatalog
{
    public static readonly DiagnosticDescriptor ArgumentTooLarge =
        Error("NS0210", "Argument too large", "`{0}` of `{1}` is too large: the limit is {2}, got {3}");

    public static readonly DiagnosticDescriptor LayerTooLarge =
        Error("NS0304", "Layer too large", "`{0}` would have {1} parameters, more than the limit of {2} (8 GB of float32 weights)");
}
