using System.Collections.Immutable;

namespace NetScript.Language.Schema;

/// <summary>Constructors for parameter specs, one per parameter type (<c>Parameter.Int("units", …, max: Limits.Count)</c>),
/// so the schema tables read like docs.</summary>
internal static class Parameter
{
    public static ParameterSpec Int(string name, string description, long? @default = null, double? min = null, double? max = null) =>
        new(name, ParameterType.Integer, description) { Default = @default, Min = min, Max = max };

    public static ParameterSpec Num(string name, string description, double? @default = null, double? min = null, double? max = null,
        bool minExclusive = false, bool maxExclusive = false) =>
        new(name, ParameterType.Number, description) { Default = @default, Min = min, Max = max, MinExclusive = minExclusive, MaxExclusive = maxExclusive };

    public static ParameterSpec Flag(string name, string description, bool @default = false) =>
        new(name, ParameterType.Flag, description) { Default = @default };

    public static ParameterSpec Str(string name, string description, string? @default = null) =>
        new(name, ParameterType.String, description) { Default = @default };

    public static ParameterSpec Choice(string name, string description, string @default, params string[] choices) =>
        new(name, ParameterType.Choice, description) { Default = @default, Choices = choices.ToImmutableArray() };

    public static ParameterSpec Data(string name, string description) =>
        new(name, ParameterType.Dataset, description);

    public static ParameterSpec List(string name, string description) =>
        new(name, ParameterType.List, description);

    public static ParameterSpec Pattern(string name, string description) =>
        new(name, ParameterType.Pattern, description);

    public static ParameterSpec Metric(string name, string description, string? @default = null) =>
        new(name, ParameterType.Metric, description) { Default = @default };

    public static ParameterSpec Options(string name, string description, OperationSpec nested) =>
        new(name, ParameterType.Options, description) { Nested = nested };

    public static ParameterSpec AsPlanned(this ParameterSpec spec) => spec with { Planned = true };
    public static ParameterSpec Name(string name, string description) =>
        new(name, ParameterType.Name, description);

    public static ParameterSpec Names(string name, string description) =>
        new(name, ParameterType.NameList, description);

    public static ParameterSpec Ints(string name, string description, double? min = null, double? max = null) =>
        new(name, ParameterType.IntegerList, description) { Min = min, Max = max };

    /// <summary>A choice with no default: absent means "decided elsewhere" (the description says where).</summary>
    public static ParameterSpec Choice(string name, string description, params string[] choices) =>
        new(name, ParameterType.Choice, description) { Choices = choices.ToImmutableArray() };

    /// <summary>An operation of <paramref name="category"/>, optionally with arguments.</summary>
    public static ParameterSpec Op(string name, string description, OperationCategory category, string @default) =>
        new(name, ParameterType.Operation, description) { Default = @default, Category = category };


    /// <summary>A quantity in epochs or steps; the amount must be positive.</summary>
    public static ParameterSpec Duration(string name, string description) =>
        new(name, ParameterType.Duration, description) { Min = 0, MinExclusive = true, Max = Limits.Steps };

    public static ParameterSpec AsPositional(this ParameterSpec spec) => spec with { Positional = true };

    public static ParameterSpec AsRequired(this ParameterSpec spec) => spec with { Required = true };

    public static ParameterSpec In(this ParameterSpec spec, string unit) => spec with { Unit = unit };
}
