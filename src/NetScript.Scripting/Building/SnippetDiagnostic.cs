using NetScript.Language.Diagnostics;
using NetScript.Language.Semantics;
using NetScript.Language.Text;

namespace NetScript.Scripting.Building;

/// <summary>A diagnostic positioned inside a snippet's code (offset 0 = the first character after
/// <c>{</c>), so one compilation serves the same code wherever a script or REPL submission puts it.</summary>
internal sealed record SnippetDiagnostic(DiagnosticDescriptor Descriptor, int Start, int Length, object?[] Arguments)
{
    /// <summary>An argument replaced by the snippet's <see cref="SnippetSource.Noun"/> ("loss
    /// `tukey`") when positioned: one compilation serves snippets of any name.</summary>
    public static readonly object Noun = new();

    public Diagnostic At(SnippetSource snippet)
    {
        int start = Math.Clamp(Start, 0, snippet.Code.Length);
        int length = Math.Clamp(Length, 0, snippet.Code.Length - start);
        return new Diagnostic(Descriptor, snippet.Source, new TextSpan(snippet.CodeSpan.Start + start, length),
            Descriptor.Format(Arguments.Select(a => ReferenceEquals(a, Noun) ? snippet.Noun : a).ToArray()));
    }
}
