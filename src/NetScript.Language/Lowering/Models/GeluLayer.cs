using NetScript.Language.Schema;

namespace NetScript.Language.Lowering;

/// <summary>GELU, exact or with the tanh approximation.</summary>
public sealed record GeluLayer(GeluApproximation Approximate) : LayerOperation(ActivationSchema.Gelu.Name)
{
    private protected override IEnumerable<(string Name, object? Value)> Values() => [("approximate", Approximate)];
}
