using NetScript.Language.Text;

namespace NetScript.Language.Syntax;

/// <summary>A top-level statement; <see cref="Keyword"/> is its first word.</summary>
public abstract record Statement(Identifier Keyword, TextSpan Span) : SyntaxNode(Span);
