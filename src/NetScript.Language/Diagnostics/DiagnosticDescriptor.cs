namespace NetScript.Language.Diagnostics;

/// <summary>One entry of the diagnostics catalog: a stable ID, a severity and a message
/// template (composite format, e.g. "unknown layer `{0}`").</summary>
public sealed record DiagnosticDescriptor(string Id, DiagnosticSeverity Severity, string Title, string MessageFormat)
{
    /// <summary>Always through string.Format, so `{{` reads as `{` with or without arguments.</summary>
    public string Format(params object?[] args) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, MessageFormat, args.Select(Cut).ToArray());

    /// <summary>The most characters of one argument a message shows: a value echoed from the
    /// script (a name, a number as written) is cut in the middle, as long source lines are; long
    /// enough for any message a library gives (libtorch's first lines).</summary>
    public const int MaxArgumentLength = 1000;

    static object? Cut(object? argument) =>
        argument is string { Length: > MaxArgumentLength } text
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{text[..700]}…({text.Length - 900:N0} characters)…{text[^200..]}")
            : argument;
}
