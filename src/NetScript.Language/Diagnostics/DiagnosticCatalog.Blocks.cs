namespace NetScript.Language.Diagnostics;

/// <summary>NS073x: model blocks (<c>residual { … }</c>, <c>repeat N { … }</c>).</summary>
public static partial class DiagnosticCatalog
{
    public static readonly DiagnosticDescriptor BlockExpected =
        Error("NS0730", "Block of layers expected", "`{0}` needs a `{{ … }}` block with at least one layer, e.g. `{1}`");

    public static readonly DiagnosticDescriptor TooManyLayers =
        Error("NS0731", "Model too large", "`repeat` makes model `{0}` more than {1} layers deep; use fewer copies or a smaller block");
}
