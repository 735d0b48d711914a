using System.Collections.Immutable;
using NetScript.Language.Diagnostics;
using NetScript.Language.Schema;
using NetScript.Language.Syntax;
using NetScript.Language.Text;

namespace NetScript.Language.Semantics;

/// <summary>Checks written arguments against an <see cref="OperationSpec"/>: names, types,
/// ranges, choices, positional order, duplicates and required arguments.</summary>
public static class ArgumentBinder
{
    public static BoundArguments Bind(OperationSpec spec, ArgumentList arguments, TextSpan ownerSpan, DiagnosticBag diagnostics)
    {
        var given = ImmutableDictionary.CreateBuilder<string, BoundArgument>();
        var extra = ImmutableArray.CreateBuilder<BoundArgument>();
        var positional = new Queue<ParameterSpec>(spec.Parameters.Where(p => p.Positional));
        var attempted = new HashSet<string>(StringComparer.Ordinal); // reported once, not again as missing

        foreach (Argument argument in arguments.Items)
        {
            Value value = ConstantEvaluator.Evaluate(argument.Value);
            ParameterSpec? parameter;
            if (argument.Name is { } name)
            {
                parameter = spec.Find(name.Text);
                if (parameter is null)
                {
                    if (spec.AcceptsExtraNamed)
                    {
                        if (extra.Any(e => e.Name == name.Text))
                            diagnostics.Report(DiagnosticCatalog.DuplicateArgument, name.Span, name.Text);
                        else if (value is NumberValue number)
                            extra.Add(new BoundArgument(name.Text, number.Number, argument.Span));
                        else
                            diagnostics.Report(DiagnosticCatalog.ArgumentType, argument.Value.Span, name.Text, spec.Name, "a number", value.Describe());
                        continue;
                    }
                    diagnostics.Report(DiagnosticCatalog.UnknownArgument, name.Span, spec.Name, name.Text,
                        Suggestions.DidYouMean(name.Text, spec.Parameters.Select(p => p.Name)));
                    continue;
                }
            }
            else if (value is NameValue flag && spec.Find(flag.Name) is { Type: ParameterType.Flag } flagParameter)
            {
                // A bare flag name: `stratify` means stratify=true.
                parameter = flagParameter;
                value = new NameValue("true");
            }
            else if (GroupName(argument.Value) is { } group && spec.Find(group) is { Type: ParameterType.Options } groupParameter)
            {
                // A settings group is named by its call: `early_stop(patience=3)`, or bare `early_stop`.
                parameter = groupParameter;
            }
            else if (positional.Count > 0)
            {
                parameter = positional.Dequeue();
            }
            else
            {
                ReportExtraPositional(spec, argument, value, diagnostics);
                continue;
            }

            if (!attempted.Add(parameter.Name))
            {
                diagnostics.Report(DiagnosticCatalog.DuplicateArgument, argument.Span, parameter.Name);
                continue;
            }
            if (Convert(spec, parameter, argument.Value, value, diagnostics) is { } converted)
                given[parameter.Name] = new BoundArgument(parameter.Name, converted, argument.Value.Span);
        }

        foreach (ParameterSpec required in spec.Parameters.Where(p => p.Required && !attempted.Contains(p.Name)))
        {
            string description = required.Description.TrimEnd('.');
            description = char.ToLowerInvariant(description[0]) + description[1..];
            diagnostics.Report(DiagnosticCatalog.MissingArgument, ownerSpan, spec.Name, required.Name, description);
        }

        return new BoundArguments(spec, given.ToImmutable(), extra.ToImmutable());
    }

    static void ReportExtraPositional(OperationSpec spec, Argument argument, Value value, DiagnosticBag diagnostics)
    {
        int count = spec.Parameters.Count(p => p.Positional);
        if (value is NameValue word && count == 0)
        {
            // Most likely a misspelt flag or argument name: say so.
            diagnostics.Report(DiagnosticCatalog.UnknownArgument, argument.Span, spec.Name, word.Name,
                Suggestions.DidYouMean(word.Name, spec.Parameters.Select(p => p.Name)));
            return;
        }
        diagnostics.Report(DiagnosticCatalog.TooManyPositional, argument.Span, spec.Name, count,
            argument.Value is NameExpression n ? n.Name.Text : value.Describe().Trim('`'));
    }

    static string? GroupName(Expression expression) => expression switch
    {
        CallExpression call => call.Callee.Text,
        NameExpression name => name.Name.Text,
        // `loss=$loss` in a search's trial: the name the trial drew.
        VariableExpression v when SearchBindings.Current?.GetValueOrDefault(v.Name.Text) is NameValue drawn => drawn.Name,
        _ => null,
    };

    static object? Convert(OperationSpec spec, ParameterSpec parameter, Expression expression, Value value, DiagnosticBag diagnostics)
    {
        TextSpan span = expression.Span;
        switch (parameter.Type)
        {
            case ParameterType.Operation when GroupName(expression) is { } operation:
                return BindOperation(parameter, operation, expression, diagnostics);
            case ParameterType.Options when GroupName(expression) == parameter.Name:
                return BindNested(parameter.Nested!, expression, diagnostics);
            case ParameterType.Integer when value is NumberValue { IsInteger: true } n:
                return CheckRange(spec, parameter, n.Number, span, diagnostics) ? (long)n.Number : null;
            case ParameterType.Number when value is NumberValue n:
                return CheckRange(spec, parameter, n.Number, span, diagnostics) ? n.Number : null;
            case ParameterType.Flag when value is NameValue { Name: "true" or "false" } b:
                return b.Name == "true";
            case ParameterType.String when value is StringValue s:
                return s.Text;
            case ParameterType.Dataset when value is NameValue d:
                return d.Name;
            case ParameterType.Metric when value is NameValue m:
                return m.Name; // which metrics exist depends on the run; the checker decides
            case ParameterType.Name when value is NameValue or StringValue:
                return value is NameValue name ? name.Name : ((StringValue)value).Text;
            case ParameterType.NameList when value is NameValue or StringValue or ListValue:
                return ConvertNames(spec, parameter, value, span, diagnostics);
            case ParameterType.IntegerList when value is NumberValue or ListValue:
                return ConvertIntegers(spec, parameter, value, span, diagnostics);
            case ParameterType.Duration when expression is QuantityExpression quantity:
                return ConvertDuration(spec, parameter, quantity, diagnostics);
            case ParameterType.Choice when value is NameValue c:
                if (parameter.Choices.Contains(c.Name)) return c.Name;
                diagnostics.Report(DiagnosticCatalog.InvalidChoice, span, parameter.Name, spec.Name,
                    string.Join(", ", parameter.Choices.Select(x => $"`{x}`")), c.Name,
                    Suggestions.DidYouMean(c.Name, parameter.Choices));
                return null;
        }
        if (value is UnsupportedValue { TooLarge: true } && parameter.Max is { } limit
            && parameter.Type is ParameterType.Integer or ParameterType.IntegerList)
        {
            diagnostics.Report(DiagnosticCatalog.ArgumentTooLarge, span, parameter.Name, spec.Name, Format(limit), value.Describe());
            return null;
        }
        string got = parameter.Type == ParameterType.Integer && value is NumberValue { IsInteger: false } real
            ? $"{Written(expression, real)}, which is not a whole number"
            : value.Describe();
        diagnostics.Report(DiagnosticCatalog.ArgumentType, span, parameter.Name, spec.Name, parameter.TypeDescription, got);
        return null;
    }

    static ImmutableArray<string>? ConvertNames(OperationSpec spec, ParameterSpec parameter, Value value, TextSpan span, DiagnosticBag diagnostics)
    {
        var items = value is ListValue list ? list.Items : [value];
        var names = ImmutableArray.CreateBuilder<string>();
        foreach (Value item in items)
        {
            if (item is NameValue n) names.Add(n.Name);
            else if (item is StringValue s) names.Add(s.Text);
            else
            {
                diagnostics.Report(DiagnosticCatalog.ArgumentType, span, parameter.Name, spec.Name, parameter.TypeDescription, $"a list holding {item.Describe()}");
                return null;
            }
        }
        return names.ToImmutable();
    }

    static ImmutableArray<long>? ConvertIntegers(OperationSpec spec, ParameterSpec parameter, Value value, TextSpan span, DiagnosticBag diagnostics)
    {
        var items = value is ListValue list ? list.Items : [value];
        var numbers = ImmutableArray.CreateBuilder<long>();
        foreach (Value item in items)
        {
            if (item is UnsupportedValue { TooLarge: true } && parameter.Max is { } limit)
            {
                diagnostics.Report(DiagnosticCatalog.ArgumentTooLarge, span, parameter.Name, spec.Name, Format(limit), item.Describe());
                return null;
            }
            if (item is not NumberValue { IsInteger: true } n)
            {
                diagnostics.Report(DiagnosticCatalog.ArgumentType, span, parameter.Name, spec.Name, parameter.TypeDescription, $"a list holding {item.Describe()}");
                return null;
            }
            if (!CheckRange(spec, parameter, n.Number, span, diagnostics)) return null;
            numbers.Add((long)n.Number);
        }
        return numbers.ToImmutable();
    }

    /// <summary>`1 epoch`, `0.5 epochs`, `500 steps`: a positive amount; steps are whole updates.</summary>
    static Duration? ConvertDuration(OperationSpec spec, ParameterSpec parameter, QuantityExpression quantity, DiagnosticBag diagnostics)
    {
        bool steps = quantity.Unit.Text.StartsWith("step", StringComparison.Ordinal);
        if (ConstantEvaluator.Evaluate(quantity.Amount) is not NumberValue amount || steps && !amount.IsInteger)
        {
            string got = ConstantEvaluator.Evaluate(quantity.Amount) is NumberValue real ? $"`{real}` steps, which is not a whole number" : "a non-number amount";
            diagnostics.Report(DiagnosticCatalog.ArgumentType, quantity.Span, parameter.Name, spec.Name, parameter.TypeDescription, got);
            return null;
        }
        if (!CheckRange(spec, parameter, amount.Number, quantity.Amount.Span, diagnostics)) return null;
        return new Duration(amount.Number, steps ? DurationUnit.Steps : DurationUnit.Epochs);
    }

    /// <summary>`loss=huber` or `loss=huber(delta=0.5)`: the operation's own arguments.</summary>
    static BoundArguments? BindOperation(ParameterSpec parameter, string name, Expression expression, DiagnosticBag diagnostics)
    {
        OperationCategory category = parameter.Category!.Value;
        if (SchemaCatalog.Find(category, name) is { } operation) return BindNested(operation, expression, diagnostics);
        TextSpan at = expression is CallExpression call ? call.Callee.Span : expression.Span;
        diagnostics.Report(DiagnosticCatalog.UnknownOperation, at, SchemaCatalog.Noun(category), name,
            Suggestions.DidYouMean(name, SchemaCatalog.Names(category)));
        return null;
    }

    /// <summary>Binds a call's arguments (or none, for a bare name); null when that reported errors.</summary>
    static BoundArguments? BindNested(OperationSpec nested, Expression expression, DiagnosticBag diagnostics)
    {
        ArgumentList arguments = expression is CallExpression call ? call.Arguments : ArgumentList.Empty(expression.Span.End);
        TextSpan owner = expression is CallExpression c ? c.Callee.Span : expression.Span;
        int errors = diagnostics.Count(d => d.IsError);
        BoundArguments bound = Bind(nested, arguments, owner, diagnostics);
        return diagnostics.Count(d => d.IsError) == errors ? bound : null;
    }

    static bool CheckRange(OperationSpec spec, ParameterSpec parameter, double number, TextSpan span, DiagnosticBag diagnostics)
    {
        bool below = parameter.Min is { } min && (parameter.MinExclusive ? number <= min : number < min);
        bool above = parameter.Max is { } max && (parameter.MaxExclusive ? number >= max : number > max);
        if (!below && !above) return true;
        if (above && parameter.Max is { } limit && parameter.Type is not ParameterType.Number)
            diagnostics.Report(DiagnosticCatalog.ArgumentTooLarge, span, parameter.Name, spec.Name, Format(limit), Format(number));
        else
            diagnostics.Report(DiagnosticCatalog.ArgumentRange, span, parameter.Name, spec.Name, parameter.RangeDescription, Format(number));
        return false;
    }

    static string Format(double number) => number.ToString("G", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A number as the script wrote it (`1.0`, not the `1` it folds to), for messages.</summary>
    static string Written(Expression expression, NumberValue value) =>
        expression is NumberLiteral literal ? $"`{literal.Text}`" : value.Describe();
}
