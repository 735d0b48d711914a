using NetScript.Language.Text;

namespace NetScript.Language.Syntax;

/// <summary><c>regularize cnn { weight_decay 1e-4; augment { flip horizontal } }</c></summary>
public sealed record RegularizeStatement(Identifier Keyword, Identifier Model, Block Body, TextSpan Span)
    : Statement(Keyword, Span);
