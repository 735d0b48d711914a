using NetScript.Language.Schema;

namespace NetScript.Language.Lowering;

/// <summary>A 2-D convolution (B, C, H, W) → (B, channels, H′, W′).</summary>
public sealed record ConvLayer(long Channels, long Kernel, long Stride, long Pad, long Dilation, bool Bias) : LayerOperation(LayerSchema.Conv.Name)
{
    private protected override IEnumerable<(string Name, object? Value)> Values() => [("channels", Channels), ("kernel", Kernel), ("stride", Stride), ("pad", Pad), ("dilation", Dilation), ("bias", Bias)];
}
