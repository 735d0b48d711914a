using NetScript.Language.Schema;

namespace NetScript.Language.Lowering;

/// <summary>Each channel's mean over height and width.</summary>
public sealed record GlobalAvgPoolLayer() : LayerOperation(LayerSchema.GlobalAvgPool.Name)
{
    private protected override IEnumerable<(string Name, object? Value)> Values() => [];
}
