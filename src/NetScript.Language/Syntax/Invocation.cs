using NetScript.Language.Text;

namespace NetScript.Language.Syntax;

/// <summary>One operation inside a block: a layer (<c>dense 128</c>), a preprocessing step
/// (<c>standardize</c>), a setting (<c>weight_decay 1e-4</c>), optionally with a nested
/// block (<c>residual { … }</c>).</summary>
public sealed record Invocation(Identifier Name, ArgumentList Arguments, Block? Body, TextSpan Span) : SyntaxNode(Span);
