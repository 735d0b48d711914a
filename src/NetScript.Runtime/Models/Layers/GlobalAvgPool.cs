using static TorchSharp.torch;

namespace NetScript.Runtime.Models.Layers;

/// <summary>Each channel's mean over height and width: (B, C, H, W) → (B, C).</summary>
internal sealed class GlobalAvgPool() : nn.Module<Tensor, Tensor>(nameof(GlobalAvgPool))
{
    public override Tensor forward(Tensor input) => input.mean([2L, 3L]);
}
