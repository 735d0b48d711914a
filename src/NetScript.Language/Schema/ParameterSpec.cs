using System.Collections.Immutable;
using System.Globalization;

namespace NetScript.Language.Schema;

/// <summary>One argument of a statement, layer or operation: declared once here and read by
/// the checker, the reference docs and the REPL's completion. <see cref="Default"/> is the
/// only default anywhere — builders read it through the bound arguments.</summary>
public sealed record ParameterSpec(string Name, ParameterType Type, string Description)
{
    /// <summary>long for Integer, double for Number, bool for Flag, string otherwise; null
    /// when the argument is optional without a default.</summary>
    public object? Default { get; init; }

    public bool Required { get; init; }

    /// <summary>May be written without its name, in declaration order.</summary>
    public bool Positional { get; init; }

    public double? Min { get; init; }

    public double? Max { get; init; }

    /// <summary>Min is exclusive (e.g. a learning rate must be &gt; 0).</summary>
    public bool MinExclusive { get; init; }

    /// <summary>Max is exclusive (e.g. a moving average's decay must be &lt; 1).</summary>
    public bool MaxExclusive { get; init; }

    public ImmutableArray<string> Choices { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>Unit shown in docs, e.g. "samples" or "epochs".</summary>
    public string? Unit { get; init; }

    /// <summary>For <see cref="ParameterType.Operation"/>: the category the operation is chosen
    /// from (its <see cref="Default"/> is an operation name of that category).</summary>
    public OperationCategory? Category { get; init; }

    /// <summary>For <see cref="ParameterType.Options"/>: the arguments inside the parentheses
    /// of a call-style option such as <c>early_stop(metric=val_acc, patience=3)</c>.</summary>
    public OperationSpec? Nested { get; init; }

    /// <summary>Accepted by the grammar and documented, not implemented yet (NS0050).</summary>
    public bool Planned { get; init; }

    public string TypeDescription => Type switch
    {
        ParameterType.Integer => "an integer",
        ParameterType.Number => "a number",
        ParameterType.Flag => "a flag (true or false)",
        ParameterType.String => "a quoted string",
        ParameterType.Choice => "one of " + string.Join(", ", Choices.Select(c => $"`{c}`")),
        ParameterType.Dataset => "the name of a dataset",
        ParameterType.List => "a list `[…]`",
        ParameterType.Pattern => "a layer pattern such as `conv*` or `dense:last`",
        ParameterType.Metric => "a metric name such as `val_acc` or `val_loss`",
        ParameterType.Options => $"call-style options `{Name}(…)`",
        ParameterType.Name => "a name",
        ParameterType.NameList => "a list of names such as [a, b]",
        ParameterType.IntegerList => "a list of integers such as [1, 28, 28]",
        ParameterType.Operation => $"a {SchemaCatalog.Noun(Category!.Value)} such as `{Default}` or `{Default}(…)`",
        ParameterType.Duration => "a duration such as `1 epoch` or `500 steps`",
        _ => Type.ToString(),
    };

    public string RangeDescription
    {
        get
        {
            string F(double v) => v.ToString("G", CultureInfo.InvariantCulture);
            string upper = MaxExclusive ? "less than" : "at most";
            if (Min is { } min && Max is { } max)
                return MinExclusive || MaxExclusive
                    ? $"{(MinExclusive ? "greater than" : "at least")} {F(min)} and {upper} {F(max)}"
                    : $"between {F(min)} and {F(max)}";
            if (Min is { } lo) return MinExclusive ? $"greater than {F(lo)}" : $"at least {F(lo)}";
            if (Max is { } hi) return $"{upper} {F(hi)}";
            return "any value";
        }
    }
}
