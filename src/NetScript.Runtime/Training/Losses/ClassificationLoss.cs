using static TorchSharp.torch;

namespace NetScript.Runtime.Training.Losses;

/// <summary>Losses over one score per class, targets are class indices (B): softmax
/// cross-entropy, and the multi-class SVM losses (Weston–Watkins):
/// Lᵢ = Σ_{j≠yᵢ} max(0, f_j − f_{yᵢ} + Δ), squared or not. PyTorch's multi_margin_loss
/// divides by C; the classic form does not, so it is written out here.</summary>
internal sealed class ClassificationLoss : LossFunction
{
    readonly string _kind;
    readonly double _labelSmoothing;
    readonly double _margin;

    ClassificationLoss(string kind, double labelSmoothing, double margin) : base(kind)
    {
        _kind = kind;
        _labelSmoothing = labelSmoothing;
        _margin = margin;
    }

    public static ClassificationLoss CrossEntropy(double labelSmoothing) => new("cross_entropy", labelSmoothing, 0);

    public static ClassificationLoss Hinge(double margin, bool squared) => new(squared ? "squared_hinge" : "hinge", 0, margin);

    public override long DecisionsPerSample => 1;

    public override Tensor forward(Tensor scores, Tensor target) // (B, C), (B) -> ()
    {
        if (_kind == "cross_entropy") return nn.functional.cross_entropy(scores, target, label_smoothing: _labelSmoothing);
        using var scope = NewDisposeScope();
        using var s = new ScalarScope();
        Tensor index = target.unsqueeze(1);                                   // (B, 1)
        Tensor margins = (scores - scores.gather(1, index)).add(s.Of(_margin), s.Of(1)).clamp_min(s.Of(0)); // (B, C) f_j − f_{yᵢ} + Δ, at least 0
        margins = margins.scatter(1, index, zeros_like(index, dtype: margins.dtype)); // j = yᵢ contributes nothing
        if (_kind == "squared_hinge") margins = margins.pow(s.Of(2)); // square() is pow(2) with a temporary scalar
        return margins.sum(1).mean().MoveToOuterDisposeScope();
    }

    public override Tensor Correct(Tensor scores, Tensor target) => scores.argmax(1).eq(target).sum();

    public override Tensor? ClassScores(Tensor scores) => scores;
}
