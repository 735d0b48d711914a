using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetScript.Runtime.Models.Layers;

/// <summary>What <see cref="Conv1d"/> and <see cref="Conv2d"/> share: a weight (channels, C,
/// kernel…) and a bias (channels), named and initialised as nn.Conv1d's and nn.Conv2d's, and the
/// convolution through <see cref="Convolution"/>, which keeps libtorch's CPU kernels off
/// unwritten memory.</summary>
internal abstract class ConvolutionModule : nn.Module<Tensor, Tensor>
{
    readonly Parameter _weight;
    readonly Parameter? _bias;
    readonly long _stride, _pad, _dilation;

    protected ConvolutionModule(string name, long[] weightShape, long stride, long pad, long dilation, bool bias) : base(name)
    {
        (_weight, _bias) = AffineInit.Create(weightShape, bias);
        (_stride, _pad, _dilation) = (stride, pad, dilation);
        register_parameter("weight", _weight);
        if (_bias is not null) register_parameter("bias", _bias);
    }

    protected Tensor Convolve(Tensor input) => Convolution.Apply(input, _weight, _bias, _stride, _pad, _dilation);
}
