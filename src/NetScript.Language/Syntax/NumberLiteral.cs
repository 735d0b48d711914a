using NetScript.Language.Text;

namespace NetScript.Language.Syntax;

/// <summary>An unsigned number as written (<c>128</c>, <c>0.9</c>, <c>1e-4</c>); a minus is
/// a <see cref="NegateExpression"/>.</summary>
public sealed record NumberLiteral(double Value, string Text, TextSpan Span) : Expression(Span)
{
    public bool IsInteger => !Text.Contains('.') && !Text.Contains('e') && !Text.Contains('E');
}
