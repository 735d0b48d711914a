using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetScript.Runtime.Models.Layers;

/// <summary>The learnable activation: A = k₁·Z for Z &gt; 0, k₂·Z otherwise, with both
/// slopes learned (∂L/∂k₁ = Σ_{Z&gt;0} Z·∂L/∂A, ∂L/∂k₂ = Σ_{Z≤0} Z·∂L/∂A). Written as
/// k₁·max(Z, 0) + k₂·min(Z, 0).</summary>
internal sealed class PiecewiseLinearUnit : nn.Module<Tensor, Tensor>
{
    readonly Parameter _k1; // (1)
    readonly Parameter _k2; // (1)

    public PiecewiseLinearUnit(double k1, double k2) : base(nameof(PiecewiseLinearUnit))
    {
        _k1 = new Parameter(tensor(new[] { (float)k1 }));
        _k2 = new Parameter(tensor(new[] { (float)k2 }));
        register_parameter("k1", _k1);
        register_parameter("k2", _k2);
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        using var s = new ScalarScope();
        var zero = s.Of(0);
        return (input.clamp_min(zero) * _k1).add(input.clamp_max(zero) * _k2, s.Of(1)).MoveToOuterDisposeScope();
    }
}
