using TorchSharp;
using static TorchSharp.torch;

namespace NetScript.Runtime.Models.Layers;

/// <summary>An activation with constant arguments (leaky_relu's slope, elu's α) held as native
/// scalars for the module's lifetime. TorchSharp's nn.LeakyReLU and nn.ELU convert their
/// doubles to a temporary Scalar on every call, which a collection can free while libtorch
/// reads it (see <see cref="ScalarScope"/>); the operation called here is the same.
/// nn.Softplus has no overload taking scalars, so it keeps TorchSharp's module.</summary>
internal sealed class ScalarActivation : nn.Module<Tensor, Tensor>
{
    readonly Scalar[] _constants;
    readonly Func<Tensor, Scalar[], Tensor> _apply;

    ScalarActivation(string name, Func<Tensor, Scalar[], Tensor> apply, params double[] constants) : base(name)
    {
        _apply = apply;
        _constants = constants.Select(c => c.ToScalar()).ToArray();
    }

    /// <summary>max(0, x) + slope·min(0, x), as nn.LeakyReLU.</summary>
    public static ScalarActivation LeakyReLU(double slope) => new("LeakyReLU", (x, c) => x.leaky_relu(c[0]), slope);

    /// <summary>x for x &gt; 0, α(eˣ − 1) otherwise, as nn.ELU (scale and input scale 1).</summary>
    public static ScalarActivation ELU(double alpha) => new("ELU", (x, c) => x.elu(c[0], c[1], c[1]), alpha, 1.0);

    public override Tensor forward(Tensor input) => _apply(input, _constants);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            foreach (var constant in _constants) constant.Dispose();
        base.Dispose(disposing);
    }
}
