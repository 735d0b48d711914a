using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetScript.Runtime.Models.Layers;

/// <summary>2-D convolution (B, C, H, W) → (B, channels, H′, W′), as nn.Conv2d with square
/// kernel, stride, padding and dilation: parameters weight (channels, C, k, k) and bias
/// (channels), named and initialised as nn.Conv2d's. It runs through
/// <see cref="Convolution"/>, which keeps libtorch's CPU kernels off unwritten memory.</summary>
internal sealed class Conv2d : nn.Module<Tensor, Tensor>
{
    readonly Parameter _weight;
    readonly Parameter? _bias;
    readonly long _stride, _pad, _dilation;

    public Conv2d(long inputs, long channels, long kernel, long stride, long pad, long dilation, bool bias) : base(nameof(Conv2d))
    {
        (_weight, _bias) = AffineInit.Create([channels, inputs, kernel, kernel], bias);
        (_stride, _pad, _dilation) = (stride, pad, dilation);
        register_parameter("weight", _weight);
        if (_bias is not null) register_parameter("bias", _bias);
    }

    public override Tensor forward(Tensor input) => Convolution.Apply(input, _weight, _bias, _stride, _pad, _dilation);
}
