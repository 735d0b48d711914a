using NetScript.Language.Schema;

namespace NetScript.Language.Lowering;

/// <summary>Batch normalisation, 1-D over features or 2-D over channels (from the input shape).</summary>
public sealed record BatchNormLayer(double Eps, double Momentum, bool Affine) : LayerOperation(LayerSchema.BatchNorm.Name)
{
    private protected override IEnumerable<(string Name, object? Value)> Values() => [("eps", Eps), ("momentum", Momentum), ("affine", Affine)];
}
