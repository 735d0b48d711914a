using NetScript.Language.Text;

namespace NetScript.Language.Syntax;

/// <summary><c>model mlp { dense 100 -&gt; relu; dense 3 }</c></summary>
public sealed record ModelStatement(Identifier Keyword, Identifier Name, Block Body, TextSpan Span)
    : Statement(Keyword, Span);
