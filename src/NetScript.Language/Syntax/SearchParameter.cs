using NetScript.Language.Text;

namespace NetScript.Language.Syntax;

/// <summary><c>lr = loguniform(1e-4, 1e-1)</c> inside a search block.</summary>
public sealed record SearchParameter(Identifier Name, Expression Distribution, TextSpan Span) : SyntaxNode(Span);
