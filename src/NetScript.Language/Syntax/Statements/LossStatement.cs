using NetScript.Language.Text;

namespace NetScript.Language.Syntax;

/// <summary><c>loss smooth = cross_entropy label_smoothing=0.1</c> or <c>loss tukey = csharp { (pred, target) =&gt; … }</c></summary>
public sealed record LossStatement(Identifier Keyword, Identifier Name, Definition Definition, TextSpan Span)
    : Statement(Keyword, Span);
