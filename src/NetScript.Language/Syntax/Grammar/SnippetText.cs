using NetScript.Language.Text;

namespace NetScript.Language.Syntax;

/// <summary>What <see cref="SnippetParser"/> reads: the code between the braces and the spans
/// of the code and of the whole <c>{ … }</c>.</summary>
internal sealed record SnippetText(string Code, TextSpan CodeSpan, TextSpan Span);
