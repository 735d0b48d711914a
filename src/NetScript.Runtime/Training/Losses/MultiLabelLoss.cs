using static TorchSharp.torch;

namespace NetScript.Runtime.Training.Losses;

/// <summary>One binary decision per output, targets 0/1 (B, L); a two-class dataset's labels
/// (B) count as one output. binary_cross_entropy averages the logistic loss over all
/// outputs; the notes' attribute losses sum over the labels of a sample, then average over
/// samples: Σⱼ max(0, Δ − yⱼfⱼ) with yⱼ = ±1, or Σⱼ logistic(fⱼ, yⱼ). An output decides
/// "yes" when its score is above 0 (probability above ½).</summary>
internal sealed class MultiLabelLoss : LossFunction
{
    readonly string _kind;
    readonly long _labels;
    readonly double _margin;

    public MultiLabelLoss(string kind, long labels, double margin = 1) : base(kind)
    {
        _kind = kind;
        _labels = labels;
        _margin = margin;
    }

    public override long DecisionsPerSample => _labels;

    public override Tensor forward(Tensor scores, Tensor target)
    {
        using var scope = NewDisposeScope();
        Tensor y = AsOutputTargets(target, scores);
        Tensor loss = _kind switch
        {
            "binary_cross_entropy" => nn.functional.binary_cross_entropy_with_logits(scores, y),
            "multilabel_logistic" => nn.functional.binary_cross_entropy_with_logits(scores, y, reduction: nn.Reduction.Sum) / scores.shape[0],
            _ => (_margin - (2 * y - 1) * scores).clamp_min(0).sum(1).mean(), // multilabel_hinge
        };
        return loss.MoveToOuterDisposeScope();
    }

    public override Tensor Correct(Tensor scores, Tensor target)
    {
        using var scope = NewDisposeScope();
        return scores.gt(0).eq(AsOutputTargets(target, scores).gt(0.5)).sum().MoveToOuterDisposeScope();
    }
}
