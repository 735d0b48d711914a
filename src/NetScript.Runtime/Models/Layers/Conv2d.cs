using static TorchSharp.torch;

namespace NetScript.Runtime.Models.Layers;

/// <summary>2-D convolution (B, C, H, W) → (B, channels, H′, W′), as nn.Conv2d with a square
/// kernel, stride, padding and dilation: weight (channels, C, k, k), bias (channels).</summary>
internal sealed class Conv2d(long inputs, long channels, long kernel, long stride, long pad, long dilation, bool bias)
    : ConvolutionModule(nameof(Conv2d), [channels, inputs, kernel, kernel], stride, pad, dilation, bias)
{
    public override Tensor forward(Tensor input) => Convolve(input);
}
