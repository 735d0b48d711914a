using NetScript.Language.Text;

namespace NetScript.Language.Syntax;

/// <summary><c>train mlp on train epochs=100 batch=32 validate=val</c></summary>
public sealed record TrainStatement(
    Identifier Keyword, Identifier Model, Identifier Data, ArgumentList Arguments, TextSpan Span)
    : Statement(Keyword, Span);
