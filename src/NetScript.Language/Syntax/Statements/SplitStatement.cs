using NetScript.Language.Text;

namespace NetScript.Language.Syntax;

/// <summary><c>split data into train=0.8 val=0.2 stratify</c></summary>
public sealed record SplitStatement(Identifier Keyword, Identifier Source, ArgumentList Arguments, TextSpan Span)
    : Statement(Keyword, Span);
