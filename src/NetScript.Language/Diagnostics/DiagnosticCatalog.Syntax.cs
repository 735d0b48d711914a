namespace NetScript.Language.Diagnostics;

public static partial class DiagnosticCatalog
{
    public static readonly DiagnosticDescriptor SyntaxError =
        Error("NS0001", "Syntax error", "unexpected {0}; expected {1}");

    public static readonly DiagnosticDescriptor UnknownStatement =
        Error("NS0002", "Unknown statement", "unknown statement `{0}`{1}");

    public static readonly DiagnosticDescriptor UnexpectedBlock =
        Error("NS0004", "Unexpected block", "`{0}` does not take a `{{ … }}` block");
}
