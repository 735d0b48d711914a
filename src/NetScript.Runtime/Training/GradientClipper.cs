using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetScript.Runtime.Training;

/// <summary>Gradient clipping after backward, before the optimizer step: each element to
/// [−value, value] first, then all gradients together rescaled so their global L2 norm is
/// at most max_norm (as nn.utils.clip_grad_norm_, with its 1e-6). Computed on the device:
/// clip_grad_norm_ returns the norm as a double, a host sync every step.</summary>
public sealed class GradientClipper(IReadOnlyList<Parameter> parameters, double? maxNorm, double? maxValue)
{
    public bool Active => maxNorm is not null || maxValue is not null;

    public void Clip()
    {
        if (!Active) return;
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        using var s = new ScalarScope();
        var grads = new List<Tensor>(parameters.Count);
        foreach (Parameter p in parameters)
            if (p.grad is { } g) grads.Add(g);
        if (grads.Count == 0) return;
        if (maxValue is { } value)
        {
            var (low, high) = (s.Of(-value), s.Of(value));
            foreach (Tensor g in grads) g.clamp_(low, high);
        }
        if (maxNorm is { } norm)
        {
            Tensor total = stack(grads.Select(g => g.norm()).ToArray()).norm(); // ‖(‖g₁‖, ‖g₂‖, …)‖₂ = global norm
            Tensor factor = total.add(s.Of(1e-6), s.Of(1)).reciprocal().mul(s.Of(norm)).clamp_max(s.Of(1)); // max_norm / (‖g‖ + 1e-6), at most 1
            foreach (Tensor g in grads) g.mul_(factor);
        }
    }
}
