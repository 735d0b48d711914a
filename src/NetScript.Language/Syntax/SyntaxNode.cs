using NetScript.Language.Text;

namespace NetScript.Language.Syntax;

/// <summary>Base of the AST: plain records, each with the span of source it came from.
/// Parsing code lives in the *Grammar classes, never here.</summary>
public abstract record SyntaxNode(TextSpan Span);
