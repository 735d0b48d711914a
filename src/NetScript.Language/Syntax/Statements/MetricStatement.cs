using NetScript.Language.Text;

namespace NetScript.Language.Syntax;

/// <summary><c>metric top2 = csharp { (pred, target) =&gt; … }</c></summary>
public sealed record MetricStatement(Identifier Keyword, Identifier Name, Definition Definition, TextSpan Span)
    : Statement(Keyword, Span);
