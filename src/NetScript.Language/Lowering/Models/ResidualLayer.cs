using NetScript.Language.Schema;

namespace NetScript.Language.Lowering;

/// <summary>A residual block y = x + F(x); its branch and shortcut are in the <see cref="LayerSpec"/> that holds it.</summary>
public sealed record ResidualLayer(double StochasticDepth, bool PerSample) : LayerOperation(LayerSchema.Residual.Name)
{
    private protected override IEnumerable<(string Name, object? Value)> Values() => [("stochastic_depth", StochasticDepth), ("per_sample", PerSample)];
}
