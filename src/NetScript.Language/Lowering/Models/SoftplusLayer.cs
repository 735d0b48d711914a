using NetScript.Language.Schema;

namespace NetScript.Language.Lowering;

/// <summary>Softplus log(1 + e^(βx))/β, linear above the threshold.</summary>
public sealed record SoftplusLayer(double Beta, double Threshold) : LayerOperation(ActivationSchema.Softplus.Name)
{
    private protected override IEnumerable<(string Name, object? Value)> Values() => [("beta", Beta), ("threshold", Threshold)];
}
