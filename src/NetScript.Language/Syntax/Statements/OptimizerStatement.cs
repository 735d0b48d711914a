using NetScript.Language.Text;

namespace NetScript.Language.Syntax;

/// <summary><c>optimizer adam lr=1e-3</c></summary>
public sealed record OptimizerStatement(Identifier Keyword, Identifier Kind, ArgumentList Arguments, TextSpan Span)
    : Statement(Keyword, Span);
