using NetScript.Language.Text;

namespace NetScript.Language.Syntax;

/// <summary><c>transfer cnn from "runs/base/best.ckpt" freeze=[conv*] replace=dense:last lr=1e-4</c>;
/// without <c>as</c> the model itself is fine-tuned.</summary>
public sealed record TransferStatement(
    Identifier Keyword, Identifier Model, Expression Source, ArgumentList Arguments, Identifier? Alias, TextSpan Span)
    : Statement(Keyword, Span);
