using NetScript.Language.Text;

namespace NetScript.Language.Syntax;

/// <summary><c>early_stop(metric=val_acc, patience=3)</c>, <c>loguniform(1e-4, 1e-1)</c>.</summary>
public sealed record CallExpression(Identifier Callee, ArgumentList Arguments, TextSpan Span) : Expression(Span);
