using NetScript.Language.Schema;

namespace NetScript.Language.Lowering;

/// <summary>A fully connected layer (B, in) → (B, units); DropConnect when <see cref="DropConnect"/> &gt; 0.</summary>
public sealed record DenseLayer(long Units, bool Bias, double DropConnect) : LayerOperation(LayerSchema.Dense.Name)
{
    private protected override IEnumerable<(string Name, object? Value)> Values() => [("units", Units), ("bias", Bias), ("dropconnect", DropConnect)];
}
