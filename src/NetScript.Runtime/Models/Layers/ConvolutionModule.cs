using static TorchSharp.torch;

namespace NetScript.Runtime.Models.Layers;

/// <summary>What <see cref="Conv1d"/> and <see cref="Conv2d"/> share: a weight (channels, C,
/// kernel…) and a bias (channels), and the convolution through <see cref="Convolution"/>, which
/// keeps libtorch's CPU kernels off unwritten memory.</summary>
internal abstract class ConvolutionModule(string name, long[] weightShape, long stride, long pad, long dilation, bool bias)
    : AffineModule(name, weightShape, bias)
{
    protected Tensor Convolve(Tensor input) => Convolution.Apply(input, Weight, Bias, stride, pad, dilation);
}
