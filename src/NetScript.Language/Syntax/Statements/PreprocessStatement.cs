using NetScript.Language.Text;

namespace NetScript.Language.Syntax;

/// <summary><c>preprocess { standardize }</c>, optionally <c>preprocess fit=train { … }</c>.</summary>
public sealed record PreprocessStatement(Identifier Keyword, ArgumentList Arguments, Block Body, TextSpan Span)
    : Statement(Keyword, Span);
