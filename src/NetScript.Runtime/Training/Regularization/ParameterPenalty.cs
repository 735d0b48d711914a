using NetScript.Language.Semantics;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetScript.Runtime.Training.Regularization;

/// <summary>L1 and L2 penalties as gradient terms, added once per optimizer update after the
/// (accumulated) backward pass and before clipping, as if their penalty were part of the
/// loss: ∂(λ₁‖w‖₁)/∂w = λ₁·sign(w) (0 at w = 0, the subgradient torch's sign gives) and
/// ∂(½λ₂‖w‖²)/∂w = λ₂·w. They cover weights (≥ 2 dimensions, OptimizerFactory's decay rule)
/// unless <c>decay_all</c> extends them to every parameter.</summary>
internal sealed class ParameterPenalty : IDisposable
{
    readonly Parameter[] _l1Parameters, _l2Parameters;
    readonly Scalar _l1, _l2; // kept for the run: a collected temporary scalar is freed mid-call

    ParameterPenalty(Penalty? l1, Penalty? l2, IReadOnlyList<Parameter> parameters)
    {
        _l1Parameters = Covered(l1, parameters);
        _l2Parameters = Covered(l2, parameters);
        _l1 = (l1?.Lambda ?? 0).ToScalar();
        _l2 = (l2?.Lambda ?? 0).ToScalar();
    }

    /// <summary>Null when neither penalty is set (or both are 0).</summary>
    public static ParameterPenalty? Create(Penalty? l1, Penalty? l2, IReadOnlyList<Parameter> parameters) =>
        l1 is { Lambda: > 0 } || l2 is { Lambda: > 0 } ? new ParameterPenalty(l1, l2, parameters) : null;

    static Parameter[] Covered(Penalty? penalty, IReadOnlyList<Parameter> parameters) =>
        penalty is not { Lambda: > 0 } ? [] : parameters.Where(p => penalty.All || p.dim() >= 2).ToArray();

    public void AddGradients()
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        foreach (Parameter p in _l1Parameters)
            p.grad?.add_(p.sign(), _l1);
        foreach (Parameter p in _l2Parameters)
            p.grad?.add_(p, _l2);
    }

    public void Dispose()
    {
        _l1.Dispose();
        _l2.Dispose();
    }
}
