using NetScript.Language.Schema;

namespace NetScript.Language.Lowering;

/// <summary>A 1-D convolution (B, C, L) → (B, channels, L′); a flat input (B, F) is taken as (B, 1, F).</summary>
public sealed record Conv1dLayer(long Channels, long Kernel, long Stride, long Pad, long Dilation, bool Bias) : LayerOperation(LayerSchema.Conv1d.Name)
{
    private protected override IEnumerable<(string Name, object? Value)> Values() => [("channels", Channels), ("kernel", Kernel), ("stride", Stride), ("pad", Pad), ("dilation", Dilation), ("bias", Bias)];
}
