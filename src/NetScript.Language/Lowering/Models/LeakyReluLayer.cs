using NetScript.Language.Schema;

namespace NetScript.Language.Lowering;

/// <summary>Leaky ReLU with slope <see cref="Alpha"/> for negative inputs.</summary>
public sealed record LeakyReluLayer(double Alpha) : LayerOperation(ActivationSchema.LeakyRelu.Name)
{
    private protected override IEnumerable<(string Name, object? Value)> Values() => [("alpha", Alpha)];
}
