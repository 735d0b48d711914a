using NetScript.Language.Text;

namespace NetScript.Language.Syntax;

/// <summary>An unsigned number as written (<c>128</c>, <c>0.9</c>, <c>1e-4</c>); a minus is
/// a <see cref="NegateExpression"/>.</summary>
public sealed record NumberLiteral(double Value, string Text, TextSpan Span) : Expression(Span)
{
    /// <summary>A whole number: written without a point (<c>128</c>), or with an exponent that
    /// makes it whole (<c>1e3</c>, <c>2.5e2</c>) — as exact as a double holds it.</summary>
    public bool IsInteger => Text.Contains('e') || Text.Contains('E')
        ? double.IsFinite(Value) && Value == Math.Floor(Value)
        : !Text.Contains('.');
}
