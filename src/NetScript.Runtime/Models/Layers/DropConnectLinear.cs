using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetScript.Runtime.Models.Layers;

/// <summary>A dense layer with DropConnect (Wan et al. 2013): while training, each weight is
/// zeroed with probability p and the kept ones are scaled by 1/(1−p), the inverted form of
/// dropout applied to connections, so evaluation uses the plain weights. One mask is drawn
/// per mini-batch and shared by its samples (a mask per sample would copy the weight matrix
/// per sample). Parameters are named like nn.Linear's (weight, bias).</summary>
internal sealed class DropConnectLinear(long inputs, long outputs, bool bias, double p)
    : AffineModule(nameof(DropConnectLinear), [outputs, inputs], bias) // weight (out, in), bias (out)
{

    public override Tensor forward(Tensor input) // (B, in) -> (B, out)
    {
        if (!training || p == 0) return nn.functional.linear(input, Weight, Bias);
        using var scope = NewDisposeScope();
        using var s = new ScalarScope();
        Tensor mask = p >= 1
            ? zeros_like(Weight)
            : empty_like(Weight).bernoulli_(1 - p).div_(s.Of(1 - p)); // (out, in), values 0 or 1/(1−p)
        return nn.functional.linear(input, Weight * mask, Bias).MoveToOuterDisposeScope();
    }
}
