using System.Collections.Immutable;

namespace NetScript.Language.Semantics;

/// <summary>Layer names as the runtime gives them to the built module's children: the kind and
/// its count so far (dense1, relu1, dense2 …). Diagnostics, summaries, statistics and layer
/// patterns (`dense:last`, `conv*`) all speak of layers by these names.</summary>
public static class LayerNames
{
    public static ImmutableArray<string> Of(IEnumerable<LayerDefinition> layers)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var names = ImmutableArray.CreateBuilder<string>();
        foreach (LayerDefinition layer in layers)
        {
            counts[layer.Kind] = counts.GetValueOrDefault(layer.Kind) + 1;
            names.Add(layer.Kind + counts[layer.Kind].ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        return names.ToImmutable();
    }

    /// <summary>The name of <paramref name="layer"/> (by reference) among <paramref name="layers"/>.</summary>
    public static string Of(IReadOnlyList<LayerDefinition> layers, LayerDefinition layer)
    {
        int index = layers.Select((l, i) => (l, i)).First(p => ReferenceEquals(p.l, layer)).i;
        return Of(layers.Take(index + 1))[index];
    }
}
