using NetScript.Language.Text;

namespace NetScript.Language.Syntax;

/// <summary><c>csharp { … }</c>. <see cref="Code"/> is the text between the braces exactly as
/// written (no trimming, no re-indenting); <see cref="CodeSpan"/> is where it sits in the
/// script, so a C# compiler's offsets map back to script positions by adding
/// <c>CodeSpan.Start</c>.</summary>
public sealed record CSharpSnippet(Identifier Language, string Code, TextSpan CodeSpan, TextSpan Span) : Definition(Span);
