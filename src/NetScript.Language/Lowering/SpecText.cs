using NetScript.Language.Schema;
using NetScript.Language.Semantics;

namespace NetScript.Language.Lowering;

/// <summary>Writes a lowered operation's arguments as the checker's bound arguments write them
/// ("lr=0.001, beta1=0.9, …"): every parameter of its schema entry in declaration order,
/// optional ones without a value left out. Run summaries and checkpoint headers show this
/// text, so it follows the operation's current values, also after a <c>with { }</c> substitution.</summary>
internal static class SpecText
{
    public static string Arguments(OperationSpec schema, IEnumerable<(string Name, object? Value)> values)
    {
        var byName = values.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);
        var parts = new List<string>();
        foreach (ParameterSpec parameter in schema.Parameters)
        {
            if (!byName.TryGetValue(parameter.Name, out object? value))
                throw new InvalidOperationException($"the lowered `{schema.Name}` has no value for its parameter `{parameter.Name}`");
            if (value is null) continue;
            parts.Add($"{parameter.Name}={BoundArguments.Format(value is Enum choice ? ChoiceText.Of(choice) : value)}");
        }
        return string.Join(", ", parts);
    }
}
