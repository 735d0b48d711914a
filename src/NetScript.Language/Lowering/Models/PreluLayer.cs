using NetScript.Language.Schema;

namespace NetScript.Language.Lowering;

/// <summary>PReLU: a learned slope for negative inputs, shared or one per channel.</summary>
public sealed record PreluLayer(double Init, bool PerChannel) : LayerOperation(ActivationSchema.Prelu.Name)
{
    private protected override IEnumerable<(string Name, object? Value)> Values() => [("init", Init), ("per_channel", PerChannel)];
}
