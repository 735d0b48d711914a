using NetScript.Language.Text;

namespace NetScript.Language.Syntax;

/// <summary><c>layer swish = csharp { x =&gt; x * torch.sigmoid(x) }</c></summary>
public sealed record LayerStatement(Identifier Keyword, Identifier Name, Definition Definition, TextSpan Span)
    : Statement(Keyword, Span);
