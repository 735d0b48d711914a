using NetScript.Language.Schema;

namespace NetScript.Language.Lowering;

/// <summary>Flattens each sample to one dimension.</summary>
public sealed record FlattenLayer() : LayerOperation(LayerSchema.Flatten.Name)
{
    private protected override IEnumerable<(string Name, object? Value)> Values() => [];
}
