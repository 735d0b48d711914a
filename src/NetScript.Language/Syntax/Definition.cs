using NetScript.Language.Text;

namespace NetScript.Language.Syntax;

/// <summary>The right-hand side of <c>loss/metric/layer NAME = …</c>: a C# snippet or a
/// built-in with arguments.</summary>
public abstract record Definition(TextSpan Span) : SyntaxNode(Span);
