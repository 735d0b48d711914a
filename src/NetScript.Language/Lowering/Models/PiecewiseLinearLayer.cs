using NetScript.Language.Schema;

namespace NetScript.Language.Lowering;

/// <summary>The learnable piecewise-linear unit: slopes k1 (x &gt; 0) and k2 (x &lt; 0), both learned.</summary>
public sealed record PiecewiseLinearLayer(double K1, double K2) : LayerOperation(ActivationSchema.Pwl.Name)
{
    private protected override IEnumerable<(string Name, object? Value)> Values() => [("k1", K1), ("k2", K2)];
}
