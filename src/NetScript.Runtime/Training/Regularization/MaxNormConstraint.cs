using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetScript.Runtime.Training.Regularization;

/// <summary>The max-norm constraint, enforced by projection after every optimizer update: each
/// unit's incoming weight vector — a row of a dense weight (out, in), a filter of a conv
/// kernel (out, in, kh, kw) — longer than c is scaled back to length c (torch.renorm along
/// dim 0). Biases and other 1-D parameters have no incoming vectors and are left alone.</summary>
internal sealed class MaxNormConstraint(IReadOnlyList<Parameter> parameters, double c)
{
    readonly Parameter[] _weights = parameters.Where(p => p.dim() >= 2).ToArray();
    readonly float _c = (float)c;

    public void Apply()
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        foreach (Parameter w in _weights)
            w.copy_(w.renorm(2, 0, _c));
    }
}
