using NetScript.Language.Text;

namespace NetScript.Language.Syntax;

/// <summary>A REPL command such as <c>:load file.nns</c>. <see cref="Keyword"/> is <c>:load</c>;
/// <see cref="Argument"/> is the rest of the line, trimmed, unquoted when written as one
/// string (<c>:load "my file.nns"</c>), empty when absent.</summary>
public sealed record CommandStatement(Identifier Keyword, string Argument, TextSpan ArgumentSpan, TextSpan Span)
    : Statement(Keyword, Span)
{
    /// <summary>The command's name without the colon: <c>load</c>.</summary>
    public string Name => Keyword.Text[1..];
}
