using NetScript.Language.Diagnostics;

namespace NetScript.Scripting;

/// <summary>A snippet failed while running: <see cref="Diagnostic"/> is the user-facing error at
/// the snippet statement that failed (NS0807…). Hosts report it as is, never its stack trace.</summary>
public sealed class SnippetException(Diagnostic diagnostic, Exception? inner = null)
    : Exception(diagnostic.Message, inner)
{
    public Diagnostic Diagnostic { get; } = diagnostic;
}
