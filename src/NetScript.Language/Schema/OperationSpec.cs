using System.Collections.Immutable;

namespace NetScript.Language.Schema;

/// <summary>A named thing with arguments: a statement's options, a catalog dataset, a layer,
/// a preprocessing step, an optimizer, a loss.</summary>
public sealed record OperationSpec(
    string Name,
    OperationCategory Category,
    string Summary,
    ImmutableArray<ParameterSpec> Parameters)
{
    /// <summary>An example line for the reference docs and :help.</summary>
    public string? Example { get; init; }

    /// <summary>Named arguments not in <see cref="Parameters"/> are allowed and collected
    /// (e.g. the parts of <c>split … into train=0.8 val=0.2</c>).</summary>
    public bool AcceptsExtraNamed { get; init; }

    /// <summary>Part of the language (parsed, documented) but not implemented yet: the checker
    /// reports NS0050 when a script uses it.</summary>
    public bool Planned { get; init; }

    public ParameterSpec? Find(string name) => Parameters.FirstOrDefault(p => p.Name == name);

    public static OperationSpec Create(string name, OperationCategory category, string summary, params ParameterSpec[] parameters) =>
        new(name, category, summary, parameters.ToImmutableArray());
}
