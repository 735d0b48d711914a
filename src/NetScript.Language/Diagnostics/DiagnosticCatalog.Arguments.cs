namespace NetScript.Language.Diagnostics;

public static partial class DiagnosticCatalog
{
    public static readonly DiagnosticDescriptor UnknownArgument =
        Error("NS0201", "Unknown argument", "`{0}` has no argument `{1}`{2}");

    public static readonly DiagnosticDescriptor ArgumentType =
        Error("NS0202", "Wrong argument type", "`{0}` of `{1}` expects {2}, got {3}");

    public static readonly DiagnosticDescriptor ArgumentRange =
        Error("NS0203", "Argument out of range", "`{0}` of `{1}` must be {2}, got {3}");

    public static readonly DiagnosticDescriptor MissingArgument =
        Error("NS0204", "Missing argument", "`{0}` needs `{1}` ({2})");

    public static readonly DiagnosticDescriptor TooManyPositional =
        Error("NS0205", "Too many arguments", "`{0}` takes {1} positional argument(s); `{2}` is one too many");

    public static readonly DiagnosticDescriptor DuplicateArgument =
        Error("NS0206", "Argument given twice", "`{0}` is given twice");

    public static readonly DiagnosticDescriptor InvalidChoice =
        Error("NS0207", "Invalid choice", "`{0}` of `{1}` must be one of {2}, got `{3}`{4}");

    public static readonly DiagnosticDescriptor SplitFractions =
        Error("NS0208", "Split fractions", "split fractions must add up to 1, got {0}");

    public static readonly DiagnosticDescriptor EmptySplit =
        Error("NS0209", "Empty split", "`split` needs at least two parts, e.g. `train=0.8 val=0.2`");
}
