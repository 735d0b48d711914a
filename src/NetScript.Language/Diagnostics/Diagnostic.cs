using NetScript.Language.Text;

namespace NetScript.Language.Diagnostics;

/// <summary>A user-facing message with its position. Every error NetScript shows — syntax,
/// checking, data, training — is one of these; none is a stack trace.</summary>
public sealed record Diagnostic(DiagnosticDescriptor Descriptor, SourceText? Source, TextSpan Span, string Message)
{
    public string Id => Descriptor.Id;

    public DiagnosticSeverity Severity => Descriptor.Severity;

    public bool IsError => Severity == DiagnosticSeverity.Error;

    public TextLocation? Location => Source?.GetLocation(Span.Start);

    public override string ToString() => DiagnosticFormatter.FormatHeader(this);
}
