using static TorchSharp.torch;

namespace NetScript.Runtime.Models.Layers;

/// <summary>1-D convolution (B, C, L) → (B, channels, L′), channels first as nn.Conv1d; a flat
/// input (B, F) is one channel, (B, 1, F). Weight (channels, C, kernel), bias (channels).</summary>
internal sealed class Conv1d(long inputs, long channels, long kernel, long stride, long pad, long dilation, bool bias)
    : ConvolutionModule(nameof(Conv1d), [channels, inputs, kernel], stride, pad, dilation, bias)
{
    public override Tensor forward(Tensor input)
    {
        if (input.dim() != 2) return Convolve(input);
        using Tensor channel = input.unsqueeze(1); // (B, F) -> (B, 1, F)
        return Convolve(channel);
    }
}
