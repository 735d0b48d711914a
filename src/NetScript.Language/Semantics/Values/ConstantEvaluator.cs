using System.Collections.Immutable;
using NetScript.Language.Syntax;

namespace NetScript.Language.Semantics;

/// <summary>Folds an argument expression to a constant: <c>1/255</c> → 0.00392…, <c>-0.5</c>.</summary>
public static class ConstantEvaluator
{
    public static Value Evaluate(Expression expression) => expression switch
    {
        NumberLiteral n => double.IsFinite(n.Value)
            ? new NumberValue(n.Value, n.IsInteger)
            : new UnsupportedValue($"`{n.Text}`, a number too large to represent") { TooLarge = true },
        StringLiteral s => new StringValue(s.Value),
        NameExpression n => new NameValue(n.Name.Text),
        ListExpression l => new ListValue(l.Items.Select(Evaluate).ToImmutableArray()),
        NegateExpression n => Evaluate(n.Operand) switch
        {
            NumberValue v => new NumberValue(-v.Number, v.IsInteger),
            UnsupportedValue { TooLarge: true } v => v,
            _ => new UnsupportedValue("a negated non-number"),
        },
        BinaryExpression b => Fold(b),
        CallExpression c => new UnsupportedValue($"a call to `{c.Callee.Text}(…)`"),
        QuantityExpression q => new UnsupportedValue($"a quantity in `{q.Unit.Text}`"),
        PatternExpression p => new UnsupportedValue($"the layer pattern `{p.Text}`"),
        VariableExpression v => SearchBindings.Current?.GetValueOrDefault(v.Name.Text)
            ?? new UnsupportedValue($"the search variable `${v.Name.Text}` (only defined inside a search)"),
        _ => new UnsupportedValue("an expression"),
    };

    static Value Fold(BinaryExpression binary)
    {
        if (Evaluate(binary.Left) is not NumberValue left || Evaluate(binary.Right) is not NumberValue right)
            return new UnsupportedValue("arithmetic on non-numbers");
        double result = binary.Operator == BinaryOperator.Multiply ? left.Number * right.Number : left.Number / right.Number;
        if (!double.IsFinite(result)) return new UnsupportedValue("a division by zero");
        bool integer = left.IsInteger && right.IsInteger && result == Math.Floor(result);
        return new NumberValue(result, integer);
    }
}
