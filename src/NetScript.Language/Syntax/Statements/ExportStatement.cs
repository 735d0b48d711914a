using NetScript.Language.Text;

namespace NetScript.Language.Syntax;

/// <summary><c>export cnn to "models/cnn.ckpt"</c>: a trained model (or a dataset) to a file.</summary>
public sealed record ExportStatement(Identifier Keyword, Identifier Name, Expression Target, ArgumentList Arguments, TextSpan Span)
    : Statement(Keyword, Span);
