using NetScript.Language.Schema;

namespace NetScript.Language.Lowering;

/// <summary>Maxout units: the maximum of <see cref="K"/> affine maps per unit.</summary>
public sealed record MaxoutLayer(long Units, long K, bool Bias) : LayerOperation(LayerSchema.Maxout.Name)
{
    private protected override IEnumerable<(string Name, object? Value)> Values() => [("units", Units), ("k", K), ("bias", Bias)];
}
