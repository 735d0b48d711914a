namespace NetScript.Language.Diagnostics;

/// <summary>One entry of the diagnostics catalog: a stable ID, a severity and a message
/// template (composite format, e.g. "unknown layer `{0}`").</summary>
public sealed record DiagnosticDescriptor(string Id, DiagnosticSeverity Severity, string Title, string MessageFormat)
{
    /// <summary>Always through string.Format, so `{{` reads as `{` with or without arguments.</summary>
    public string Format(params object?[] args) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, MessageFormat, args);
}
