using static TorchSharp.torch;

namespace NetScript.Runtime.Models.Layers;

/// <summary>y = shortcut(x) + F(x), F = the branch's layers in order (He et al. 2016); the
/// shortcut is the identity or a bias-free projection (named <c>shortcut</c>). Branch layers
/// are registered under their own names, so parameters read <c>residual1.conv1.weight</c>.
/// Stochastic depth (Huang et al. 2016), not inverted: while training the branch is kept
/// with probability 1 − p (y = x + b·F(x), b ~ Bernoulli(1 − p), drawn once per mini-batch
/// from the seeded global generator, or per sample); when evaluating y = x + (1 − p)·F(x),
/// the branch's expected contribution.</summary>
internal sealed class ResidualBlock : nn.Module<Tensor, Tensor>
{
    readonly nn.Module<Tensor, Tensor>[] _branch;
    readonly nn.Module<Tensor, Tensor>? _shortcut;
    readonly double _drop;
    readonly bool _perSample;

    public ResidualBlock(IReadOnlyList<(string Name, nn.Module<Tensor, Tensor> Module)> branch, nn.Module<Tensor, Tensor>? shortcut,
        double drop, bool perSample) : base(nameof(ResidualBlock))
    {
        _branch = branch.Select(b => b.Module).ToArray();
        _shortcut = shortcut;
        _drop = drop;
        _perSample = perSample;
        foreach (var (name, module) in branch) register_module(name, module);
        if (shortcut is not null) register_module("shortcut", shortcut);
    }

    /// <summary>The branch's layers, in the order of the plan's body.</summary>
    public IReadOnlyList<nn.Module<Tensor, Tensor>> Branch => _branch;

    public nn.Module<Tensor, Tensor>? Shortcut => _shortcut;

    public override Tensor forward(Tensor input) // (B, …) -> (B, …) as the branch ends
    {
        using var scope = NewDisposeScope();
        Tensor identity = _shortcut?.call(input) ?? input.alias();
        if (training && _drop > 0 && !_perSample && SkipBatch())
            return identity.MoveToOuterDisposeScope(); // the whole branch is skipped, its compute too

        Tensor branch = input;
        foreach (var layer in _branch) branch = layer.call(branch);
        using var s = new ScalarScope(); // add(t) would make a temporary alpha of 1
        Tensor output;
        if (_drop == 0 || (training && !_perSample))
        {
            output = identity.add(branch, s.Of(1));
        }
        else if (training)
        {
            long[] perSample = [branch.shape[0], .. Enumerable.Repeat(1L, (int)branch.dim() - 1)];
            Tensor keep = empty(perSample, branch.dtype, branch.device).bernoulli_(1 - _drop); // (B, 1, …) of 0/1
            output = identity.add(branch.mul(keep), s.Of(1));
        }
        else
        {
            output = identity.add(branch, s.Of(1 - _drop)); // scaled by the survival probability
        }
        return output.MoveToOuterDisposeScope();
    }

    bool SkipBatch()
    {
        using Tensor u = rand(1); // the seeded global generator, as dropout uses
        return u.item<float>() < _drop;
    }
}
