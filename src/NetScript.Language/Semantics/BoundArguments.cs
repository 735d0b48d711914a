using System.Collections.Immutable;
using System.Globalization;
using NetScript.Language.Schema;
using NetScript.Language.Text;

namespace NetScript.Language.Semantics;

/// <summary>Checked arguments of one operation. Getters fall back to the schema default, so
/// no consumer ever invents its own.</summary>
public sealed class BoundArguments
{
    readonly ImmutableDictionary<string, BoundArgument> _given;

    public BoundArguments(OperationSpec spec, ImmutableDictionary<string, BoundArgument> given, ImmutableArray<BoundArgument> extra)
    {
        Spec = spec;
        _given = given;
        Extra = extra;
    }

    public OperationSpec Spec { get; }

    /// <summary>Named arguments outside the schema, for specs that accept them (split parts).</summary>
    public ImmutableArray<BoundArgument> Extra { get; }

    public static BoundArguments Defaults(OperationSpec spec) =>
        new(spec, ImmutableDictionary<string, BoundArgument>.Empty, ImmutableArray<BoundArgument>.Empty);

    public bool Has(string name) => _given.ContainsKey(name);

    public TextSpan? SpanOf(string name) => _given.TryGetValue(name, out var a) ? a.Span : null;

    public long Int(string name) => (long)(Get(name) ?? throw Missing(name));

    public long? OptionalInt(string name) => (long?)Get(name);

    public double Number(string name) => (double)(Get(name) ?? throw Missing(name));

    public bool Flag(string name) => (bool)(Get(name) ?? throw Missing(name));

    public string Text(string name) => (string)(Get(name) ?? throw Missing(name));

    public string? OptionalText(string name) => (string?)Get(name);

    /// <summary>A list-of-names argument, or null when absent.</summary>
    public ImmutableArray<string>? Names(string name) => (ImmutableArray<string>?)Get(name);

    /// <summary>A list-of-integers argument, or null when absent.</summary>
    public ImmutableArray<long>? Integers(string name) => (ImmutableArray<long>?)Get(name);
    public double? OptionalNumber(string name) => (double?)Get(name);

    /// <summary>A <see cref="ParameterType.Duration"/> argument, or null when absent.</summary>
    public Duration? OptionalDuration(string name) => (Duration?)Get(name);

    /// <summary>These arguments with <paramref name="name"/> set to <paramref name="value"/>
    /// (written at <paramref name="span"/>): how a setting made elsewhere, such as a
    /// <c>regularize</c> block's label smoothing, becomes an argument of a loss or optimizer.</summary>
    public BoundArguments With(string name, object value, TextSpan span)
    {
        if (Spec.Find(name) is null) throw new ArgumentException($"`{Spec.Name}` has no parameter `{name}`", nameof(name));
        return new BoundArguments(Spec, _given.SetItem(name, new BoundArgument(name, value, span)), Extra);
    }

    /// <summary>An <see cref="ParameterType.Operation"/> argument: the chosen operation with its
    /// own arguments (the schema's default operation, with defaults, when not given).</summary>
    public BoundArguments Operation(string name)
    {
        object value = Get(name) ?? throw Missing(name);
        if (value is BoundArguments bound) return bound;
        OperationCategory category = Spec.Find(name)!.Category
            ?? throw new InvalidOperationException($"`{Spec.Name}`: `{name}` is not an operation parameter");
        OperationSpec operation = SchemaCatalog.Find(category, (string)value)
            ?? throw new InvalidOperationException($"`{Spec.Name}`: the default `{value}` of `{name}` is not in the schema");
        return Defaults(operation);
    }

    /// <summary>An <see cref="ParameterType.Options"/> argument, or null when not given.</summary>
    public BoundArguments? Group(string name) => (BoundArguments?)Get(name);

    /// <summary>"units=100, bias=true": every parameter with its effective value.</summary>
    public string Describe() => string.Join(", ", Spec.Parameters
        .Select(p => (p.Name, Value: p.Type == ParameterType.Operation ? Operation(p.Name) : Get(p.Name)))
        .Where(p => p.Value is not null)
        .Select(p => Spec.Find(p.Name)!.Type == ParameterType.Options ? Format(p.Value!) : $"{p.Name}={Format(p.Value!)}"));

    object? Get(string name)
    {
        if (_given.TryGetValue(name, out var argument)) return argument.Value;
        ParameterSpec spec = Spec.Find(name) ?? throw new ArgumentException($"`{Spec.Name}` has no parameter `{name}`", nameof(name));
        return spec.Default;
    }

    InvalidOperationException Missing(string name) =>
        new($"`{Spec.Name}`: `{name}` has no value and no default; the checker should have required it");

    /// <summary>One argument value as scripts write it (shared with the lowered operations' text).</summary>
    internal static string Format(object value) => value switch
    {
        double d => d.ToString("G", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        BoundArguments nested => nested.Describe() is { Length: > 0 } args ? $"{nested.Spec.Name}({args})" : nested.Spec.Name,
        string s => s,
        ImmutableArray<string> names => "[" + string.Join(", ", names) + "]",
        ImmutableArray<long> numbers => "[" + string.Join(", ", numbers) + "]",
        Duration duration => duration.ToString(),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
