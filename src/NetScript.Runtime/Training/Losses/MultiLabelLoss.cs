using static TorchSharp.torch;

namespace NetScript.Runtime.Training.Losses;

/// <summary>One binary decision per output, targets 0/1 (B, L); a two-class dataset's labels
/// (B) count as one output. binary_cross_entropy averages the logistic loss over all
/// outputs; the attribute losses sum over the labels of a sample, then average over
/// samples: Σⱼ max(0, Δ − yⱼfⱼ) with yⱼ = ±1, or Σⱼ logistic(fⱼ, yⱼ). An output decides
/// "yes" when its score is above 0 (probability above ½).</summary>
internal sealed class MultiLabelLoss : LossFunction
{
    /// <summary>How the per-label losses combine.</summary>
    public enum Formula
    {
        /// <summary>binary_cross_entropy: the logistic loss averaged over all outputs.</summary>
        MeanLogistic,

        /// <summary>multilabel_logistic: summed over a sample's labels, averaged over samples.</summary>
        SummedLogistic,

        /// <summary>multilabel_hinge: Σⱼ max(0, Δ − yⱼfⱼ), averaged over samples.</summary>
        SummedHinge,
    }

    readonly Formula _formula;
    readonly long _labels;
    readonly double _margin;

    public MultiLabelLoss(string name, Formula formula, long labels, double margin = 1) : base(name)
    {
        _formula = formula;
        _labels = labels;
        _margin = margin;
    }

    public override long DecisionsPerSample => _labels;

    public override Tensor forward(Tensor scores, Tensor target)
    {
        using var scope = NewDisposeScope();
        using var s = new ScalarScope();
        Tensor y = AsOutputTargets(target, scores);
        Tensor loss = _formula switch
        {
            Formula.MeanLogistic => nn.functional.binary_cross_entropy_with_logits(scores, y),
            Formula.SummedLogistic => nn.functional.binary_cross_entropy_with_logits(scores, y, reduction: nn.Reduction.Sum).div(s.Of(scores.shape[0])),
            // SummedHinge: Σⱼ max(0, Δ − yⱼfⱼ) with yⱼ = 2·target − 1 = ±1
            _ => y.mul(s.Of(2)).sub(s.Of(1)).mul(scores).negative().add(s.Of(_margin), s.Of(1)).clamp_min(s.Of(0)).sum(1).mean(),
        };
        return loss.MoveToOuterDisposeScope();
    }

    public override Tensor Correct(Tensor scores, Tensor target)
    {
        using var scope = NewDisposeScope();
        using var s = new ScalarScope();
        return scores.gt(s.Of(0)).eq(AsOutputTargets(target, scores).gt(s.Of(0.5))).sum().MoveToOuterDisposeScope();
    }
}
