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
    readonly bool _onProbabilities;

    ClassificationLoss(string kind, double labelSmoothing, double margin, bool onProbabilities = false) : base(kind)
    {
        _kind = kind;
        _labelSmoothing = labelSmoothing;
        _margin = margin;
        _onProbabilities = onProbabilities;
    }

    /// <param name="onProbabilities">The model ends in softmax: the scores are probabilities,
    /// whose log (clipped to [ε, 1 − ε], ε = 1e−7 as Keras) replaces log_softmax.</param>
    public static ClassificationLoss CrossEntropy(double labelSmoothing, bool onProbabilities = false) =>
        new("cross_entropy", labelSmoothing, 0, onProbabilities);

    public static ClassificationLoss Hinge(double margin, bool squared) => new(squared ? "squared_hinge" : "hinge", 0, margin);

    public override long DecisionsPerSample => 1;

    public override Tensor forward(Tensor scores, Tensor target) // (B, C), (B) -> ()
    {
        if (_kind == "cross_entropy" && !_onProbabilities) return nn.functional.cross_entropy(scores, target, label_smoothing: _labelSmoothing);
        using var scope = NewDisposeScope();
        using var s = new ScalarScope();
        if (_kind == "cross_entropy") return ProbabilityCrossEntropy(scores, target, s).MoveToOuterDisposeScope();
        Tensor index = target.unsqueeze(1);                                   // (B, 1)
        Tensor margins = (scores - scores.gather(1, index)).add(s.Of(_margin), s.Of(1)).clamp_min(s.Of(0)); // (B, C) f_j − f_{yᵢ} + Δ, at least 0
        margins = margins.scatter(1, index, zeros_like(index, dtype: margins.dtype)); // j = yᵢ contributes nothing
        if (_kind == "squared_hinge") margins = margins.pow(s.Of(2)); // square() is pow(2) with a temporary scalar
        return margins.sum(1).mean().MoveToOuterDisposeScope();
    }

    /// <summary>−Σⱼ qⱼ·log pⱼ with q = (1 − ε_ls)·onehot(y) + ε_ls/C, averaged over the batch:
    /// cross_entropy's formula with log p in place of log_softmax(f).</summary>
    Tensor ProbabilityCrossEntropy(Tensor probabilities, Tensor target, ScalarScope s) // (B, C), (B) -> ()
    {
        const double eps = NetScript.Language.Lowering.CrossEntropyLoss.ProbabilityEpsilon;
        Tensor logp = probabilities.clamp(s.Of(eps), s.Of(1 - eps)).log();        // (B, C)
        Tensor picked = logp.gather(1, target.unsqueeze(1)).squeeze(1);           // (B) log p_y
        Tensor loss = picked.mul(s.Of(-(1 - _labelSmoothing)));
        if (_labelSmoothing > 0) loss = loss.sub(logp.sum(1).mul(s.Of(_labelSmoothing / probabilities.shape[1])));
        return loss.mean();
    }

    public override Tensor Correct(Tensor scores, Tensor target) => scores.argmax(1).eq(target).sum();

    public override Tensor? ClassScores(Tensor scores) => scores;
}
