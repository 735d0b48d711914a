using static TorchSharp.torch;

namespace NetScript.Runtime.Training.Losses;

/// <summary>Losses on real-valued targets of the output's shape, averaged over all elements:
/// MSE, L1, Huber, and Tukey's biweight,
/// ℓ(Δ) = K·(1 − (1 − (Δ/c)²)³) for |Δ| ≤ c, K otherwise, K = c²/6 (so c = √(6K)).</summary>
internal sealed class RegressionLoss : LossFunction
{
    /// <summary>The loss applied to each element's error Δ.</summary>
    public enum Formula
    {
        Squared,
        Absolute,
        Huber,
        Tukey,
    }

    readonly Formula _formula;
    readonly double _parameter; // Huber's δ or Tukey's c

    public RegressionLoss(string name, Formula formula, double parameter = 0) : base(name)
    {
        _formula = formula;
        _parameter = parameter;
    }

    public override long DecisionsPerSample => 0;

    public override Tensor forward(Tensor output, Tensor target)
    {
        using var scope = NewDisposeScope();
        return Compute(output, AsOutputTargets(target, output)).MoveToOuterDisposeScope();
    }

    Tensor Compute(Tensor output, Tensor target)
    {
        switch (_formula)
        {
            case Formula.Squared: return nn.functional.mse_loss(output, target);
            case Formula.Absolute: return nn.functional.l1_loss(output, target);
            case Formula.Huber: return nn.functional.huber_loss(output, target, delta: _parameter);
        }
        double c = _parameter, k = c * c / 6;
        using var s = new ScalarScope();
        // Beyond c, (1 − (Δ/c)²) is clamped to 0, so the loss is the constant K and its gradient 0.
        Tensor inside = (output - target).div(s.Of(c)).pow(s.Of(2)).negative().add(s.Of(1), s.Of(1)).clamp_min(s.Of(0)); // 1 − (Δ/c)², at least 0
        return inside.pow(s.Of(3)).negative().add(s.Of(1), s.Of(1)).mul(s.Of(k)).mean();                           // K·(1 − inside³)
    }
}
