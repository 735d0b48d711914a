using System.Reflection;
using TorchSharp;
using static TorchSharp.torch;

namespace NetScript.Runtime.Models.Layers;

/// <summary>An activation with constant arguments (leaky_relu's slope, elu's α, softplus's β
/// and threshold) held as native scalars for the module's lifetime. TorchSharp's
/// nn.LeakyReLU, nn.ELU and nn.Softplus convert their doubles to temporary Scalars on every
/// call, which a collection can free while libtorch reads them (see <see cref="ScalarScope"/>);
/// the operation called here is the same, so outputs and gradients are bit for bit theirs.</summary>
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

    /// <summary>log(1 + e^(βx))/β, and x where βx &gt; threshold, as nn.Softplus.</summary>
    public static ScalarActivation Softplus(double beta, double threshold) =>
        new("Softplus", (x, c) => SoftplusKernel.Call(x, c[0], c[1]), beta, threshold);

    public override Tensor forward(Tensor input) => _apply(input, _constants);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            foreach (var constant in _constants) constant.Dispose();
        base.Dispose(disposing);
    }

    /// <summary>TorchSharp 0.107's public Tensor.softplus(double, double) converts its
    /// arguments and calls a private overload taking Scalars; that overload is called here
    /// directly. Bound on first use of softplus only, and it fails loudly (the softplus tests
    /// too) if a TorchSharp upgrade renames it.</summary>
    static class SoftplusKernel
    {
        public static readonly Func<Tensor, Scalar, Scalar, Tensor> Call =
            typeof(Tensor).GetMethod("softplus1", BindingFlags.Instance | BindingFlags.NonPublic, [typeof(Scalar), typeof(Scalar)])
                ?.CreateDelegate<Func<Tensor, Scalar, Scalar, Tensor>>()
            ?? throw new MissingMethodException("TorchSharp's Tensor.softplus1(Scalar, Scalar) is gone; see ScalarActivation.Softplus");
    }
}
