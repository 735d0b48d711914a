using NetScript.Language.Text;

namespace NetScript.Language.Syntax;

/// <summary>A value written in a script: number, string, name, list, call, arithmetic,
/// a quantity with a unit (<c>1 epoch</c>) or a search variable (<c>$lr</c>).</summary>
public abstract record Expression(TextSpan Span) : SyntaxNode(Span);
