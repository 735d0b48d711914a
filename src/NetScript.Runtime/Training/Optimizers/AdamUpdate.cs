using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetScript.Runtime.Training.Optimizers;

/// <summary>The part of Adam's and AdamW's step they share, once each has applied its own
/// weight decay: moment estimates, bias correction and the adaptive step, in TorchSharp's
/// order of operations. Scalars come from the step's <see cref="ScalarScope"/>.</summary>
internal static class AdamUpdate
{
    /// <param name="maxExpAvgSq">The running maximum of v (AMSGrad), or null without it.</param>
    public static void Apply(ScalarScope s, Parameter param, Tensor grad, long step, Tensor expAvg, Tensor expAvgSq, ref Tensor? maxExpAvgSq,
        double beta1, double beta2, double eps, double lr)
    {
        double biasCorrection1 = 1 - Math.Pow(beta1, step), biasCorrection2 = 1 - Math.Pow(beta2, step);
        expAvg.mul_(s.Of(beta1)).add_(grad, s.Of(1 - beta1));                     // m ← β₁m + (1−β₁)g
        expAvgSq.mul_(s.Of(beta2)).addcmul_(grad, grad.conj(), s.Of(1 - beta2));  // v ← β₂v + (1−β₂)g·ḡ
        Tensor second = expAvgSq;
        if (maxExpAvgSq is not null)
        {
            var previous = maxExpAvgSq;
            maxExpAvgSq = maximum(previous, expAvgSq).DetachFromDisposeScope();
            previous.Dispose();
            second = maxExpAvgSq;
        }
        Tensor denominator = second.sqrt().div(s.Of(Math.Sqrt(biasCorrection2))).add_(s.Of(eps), s.Of(1)); // √v̂ + eps
        param.addcdiv_(expAvg, denominator, s.Of(-(lr / biasCorrection1)));      // w ← w − lr·m̂/(√v̂ + eps)
    }
}
