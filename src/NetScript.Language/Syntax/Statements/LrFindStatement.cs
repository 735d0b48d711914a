using NetScript.Language.Text;

namespace NetScript.Language.Syntax;

/// <summary><c>lr_find mlp on train start=1e-6 end=1</c></summary>
public sealed record LrFindStatement(
    Identifier Keyword, Identifier Model, Identifier Data, ArgumentList Arguments, TextSpan Span)
    : Statement(Keyword, Span);
