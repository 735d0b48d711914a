using NetScript.Language.Schema;

namespace NetScript.Language.Lowering;

/// <summary>A lowered operation: one entry of a schema table (a layer, an init, a loss, an
/// optimizer, …) with its arguments as typed values. The runtime switches on the record's type
/// and reads its properties; <see cref="Kind"/> is the schema name, kept for module names and
/// for the text summaries and checkpoints show.</summary>
public abstract record PlanOperation(string Kind)
{
    /// <summary>The schema table <see cref="Kind"/> belongs to.</summary>
    private protected abstract OperationCategory Category { get; }

    /// <summary>Every parameter of the schema entry with its value (null: not given, no default).</summary>
    private protected abstract IEnumerable<(string Name, object? Value)> Values();

    /// <summary>"units=100, bias=true, dropconnect=0": every parameter with its value.</summary>
    public string Arguments => SpecText.Arguments(
        SchemaCatalog.Find(Category, Kind) ?? throw new InvalidOperationException($"`{Kind}` is not in the schema"), Values());

    public sealed override string ToString() => Text();

    /// <summary>"kind(arguments)", or the bare kind when it has none.</summary>
    private protected virtual string Text() => Arguments is { Length: > 0 } arguments ? $"{Kind}({arguments})" : Kind;
}
