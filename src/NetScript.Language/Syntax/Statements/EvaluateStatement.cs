using NetScript.Language.Text;

namespace NetScript.Language.Syntax;

/// <summary><c>evaluate mlp on test</c></summary>
public sealed record EvaluateStatement(
    Identifier Keyword, Identifier Model, Identifier Data, ArgumentList Arguments, TextSpan Span)
    : Statement(Keyword, Span);
