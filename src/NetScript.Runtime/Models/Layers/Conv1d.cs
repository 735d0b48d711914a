using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetScript.Runtime.Models.Layers;

/// <summary>1-D convolution (B, C, L) → (B, channels, L′), channels first as nn.Conv1d; a flat
/// input (B, F) is one channel, (B, 1, F). Parameters weight (channels, C, kernel) and bias
/// (channels), initialised as nn.Conv1d; run through <see cref="Convolution"/>.</summary>
internal sealed class Conv1d : nn.Module<Tensor, Tensor>
{
    readonly Parameter _weight;
    readonly Parameter? _bias;
    readonly long _stride, _pad, _dilation;

    public Conv1d(long inputs, long channels, long kernel, long stride, long pad, long dilation, bool bias) : base(nameof(Conv1d))
    {
        (_weight, _bias) = AffineInit.Create([channels, inputs, kernel], bias);
        (_stride, _pad, _dilation) = (stride, pad, dilation);
        register_parameter("weight", _weight);
        if (_bias is not null) register_parameter("bias", _bias);
    }

    public override Tensor forward(Tensor input)
    {
        if (input.dim() != 2) return Convolution.Apply(input, _weight, _bias, _stride, _pad, _dilation);
        using Tensor channel = input.unsqueeze(1); // (B, F) -> (B, 1, F)
        return Convolution.Apply(channel, _weight, _bias, _stride, _pad, _dilation);
    }
}
