namespace NetScript.Language.Diagnostics;

public static partial class DiagnosticCatalog
{
    public static readonly DiagnosticDescriptor SyntaxError =
        Error("NS0001", "Syntax error", "unexpected {0}; expected {1}");

    public static readonly DiagnosticDescriptor UnknownStatement =
        Error("NS0002", "Unknown statement", "unknown statement `{0}`{1}");

    public static readonly DiagnosticDescriptor UnexpectedBlock =
        Error("NS0004", "Unexpected block", "`{0}` does not take a `{{ … }}` block");

    public static readonly DiagnosticDescriptor NestingTooDeep =
        Error("NS0005", "Nesting too deep", "too deeply nested: at most {0} levels of brackets, blocks, signs and operators are allowed");

    public static readonly DiagnosticDescriptor UnclosedSnippet =
        Error("NS0006", "Unclosed C# snippet", "this `{{` of a `csharp` snippet is never closed; end the snippet with a matching `}}`");

    public static readonly DiagnosticDescriptor UnterminatedInSnippet =
        Error("NS0007", "Unterminated C# literal", "this C# {0} inside the snippet is never closed, so the snippet's end cannot be found");

    public static readonly DiagnosticDescriptor CommandInScript =
        Error("NS0008", "REPL command in a script", "`{0}` is a REPL command; it works only in `netscript repl`");

    public static readonly DiagnosticDescriptor NotImplemented =
        Error("NS0050", "Not implemented yet", "`{0}` is recognised but not implemented yet");

    public static readonly DiagnosticDescriptor UnknownSearchVariable =
        Error("NS0051", "Unknown search variable", "no search parameter `${0}` is defined{1}");

    public static readonly DiagnosticDescriptor InvalidSearchRange =
        Error("NS0052", "Invalid search range", "`{0}` of `{1}` {2}");

    public static readonly DiagnosticDescriptor NotADistribution =
        Error("NS0053", "Not a distribution", "search parameter `{0}` must be a distribution such as `uniform(0.1, 0.7)`, `loguniform(1e-4, 1e-1)`, `int(16, 256)` or `choice(32, 64, 128)`; got {1}");
}
