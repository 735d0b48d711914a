using NetScript.Language.Text;

namespace NetScript.Language.Syntax;

/// <summary><c>search random trials=20 maximize=val_acc { lr = loguniform(1e-4, 1e-1) }</c>;
/// later statements refer to the parameters as <c>$lr</c>.</summary>
public sealed record SearchStatement(Identifier Keyword, Identifier Kind, ArgumentList Arguments, SearchSpace Space, TextSpan Span)
    : Statement(Keyword, Span);
