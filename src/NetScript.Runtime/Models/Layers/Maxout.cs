using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetScript.Runtime.Models.Layers;

/// <summary>Maxout units (Goodfellow et al. 2013): one affine map with units·k outputs, then
/// the maximum over each unit's k consecutive pieces. Parameters weight (units·k, in) and
/// bias (units·k), initialised like nn.Linear.</summary>
internal sealed class Maxout(long inputs, long units, long pieces, bool bias) : AffineModule(nameof(Maxout), [units * pieces, inputs], bias)
{

    public override Tensor forward(Tensor input) // (B, in) -> (B, units)
    {
        using var scope = NewDisposeScope();
        Tensor affine = nn.functional.linear(input, Weight, Bias);       // (B, units·k)
        return affine.view(-1, units, pieces).amax([2L]).MoveToOuterDisposeScope(); // (B, units)
    }
}
