using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetScript.Runtime.Models.Layers;

/// <summary>Maxout units (Goodfellow et al. 2013): one affine map with units·k outputs, then
/// the maximum over each unit's k consecutive pieces. Parameters weight (units·k, in) and
/// bias (units·k), initialised like nn.Linear.</summary>
internal sealed class Maxout : nn.Module<Tensor, Tensor>
{
    readonly Parameter _weight;
    readonly Parameter? _bias;
    readonly long _units;
    readonly long _pieces;

    public Maxout(long inputs, long units, long pieces, bool bias) : base(nameof(Maxout))
    {
        (_weight, _bias) = AffineInit.Create(units * pieces, inputs, bias);
        _units = units;
        _pieces = pieces;
        register_parameter("weight", _weight);
        if (_bias is not null) register_parameter("bias", _bias);
    }

    public override Tensor forward(Tensor input) // (B, in) -> (B, units)
    {
        using var scope = NewDisposeScope();
        Tensor affine = nn.functional.linear(input, _weight, _bias);       // (B, units·k)
        return affine.view(-1, _units, _pieces).amax([2L]).MoveToOuterDisposeScope(); // (B, units)
    }
}
