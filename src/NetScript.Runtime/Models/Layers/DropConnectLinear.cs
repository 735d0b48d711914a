using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetScript.Runtime.Models.Layers;

/// <summary>A dense layer with DropConnect (Wan et al. 2013): while training, each weight is
/// zeroed with probability p and the kept ones are scaled by 1/(1−p), the inverted form of
/// dropout applied to connections, so evaluation uses the plain weights. One mask is drawn
/// per mini-batch and shared by its samples (a mask per sample would copy the weight matrix
/// per sample). Parameters are named like nn.Linear's (weight, bias).</summary>
internal sealed class DropConnectLinear : nn.Module<Tensor, Tensor>
{
    readonly Parameter _weight; // (out, in)
    readonly Parameter? _bias;  // (out)
    readonly double _p;

    public DropConnectLinear(long inputs, long outputs, bool bias, double p) : base(nameof(DropConnectLinear))
    {
        (_weight, _bias) = AffineInit.Create(outputs, inputs, bias);
        _p = p;
        register_parameter("weight", _weight);
        if (_bias is not null) register_parameter("bias", _bias);
    }

    public override Tensor forward(Tensor input) // (B, in) -> (B, out)
    {
        if (!training || _p == 0) return nn.functional.linear(input, _weight, _bias);
        using var scope = NewDisposeScope();
        using var s = new ScalarScope();
        Tensor mask = _p >= 1
            ? zeros_like(_weight)
            : empty_like(_weight).bernoulli_(1 - _p).div_(s.Of(1 - _p)); // (out, in), values 0 or 1/(1−p)
        return nn.functional.linear(input, _weight * mask, _bias).MoveToOuterDisposeScope();
    }
}
