using NetScript.Language.Schema;

namespace NetScript.Language.Lowering;

/// <summary>Layer normalisation over each sample's last <see cref="Dims"/> dimensions (their sizes from the input shape).</summary>
public sealed record LayerNormLayer(long Dims, double Eps, bool Affine) : LayerOperation(LayerSchema.LayerNorm.Name)
{
    private protected override IEnumerable<(string Name, object? Value)> Values() => [("dims", Dims), ("eps", Eps), ("affine", Affine)];
}
