using static NetScript.Language.Schema.OperationCategory;

namespace NetScript.Language.Schema;

/// <summary>Built-in losses for <c>train … loss=NAME</c> or <c>loss=NAME(args)</c>. Every loss
/// takes the model's raw output (no softmax/sigmoid at the end) and is averaged over the
/// batch; <see cref="TargetOf"/> says which targets it needs.</summary>
public static class LossSchema
{
    public static readonly OperationSpec CrossEntropy = OperationSpec.Create("cross_entropy", Loss,
        "Softmax cross-entropy on raw class scores (logits): −log(e^f_y / Σⱼ e^f_j). On a model that ends in `softmax` it takes −log p_y of its probabilities instead (clipped to [1e−7, 1 − 1e−7]), as Keras with from_logits=False.",
        Parameter.Num("label_smoothing", "Target mass spread evenly over all classes (0.1: the true class gets 0.9 + 0.1/C).", 0.0, min: 0, max: 1)) with
    {
        Example = "train m on train loss=cross_entropy(label_smoothing=0.1)",
    };

    public static readonly OperationSpec BinaryCrossEntropy = OperationSpec.Create("binary_cross_entropy", Loss,
        "Logistic loss per output on raw scores: −[y·log σ(f) + (1−y)·log(1−σ(f))], averaged over outputs and samples; for two classes with one output, or 0/1 targets per output.")
        with { Example = "train m on train loss=binary_cross_entropy" };

    public static readonly OperationSpec Mse = OperationSpec.Create("mse", Loss,
        "Mean squared error (ŷ − y)²: large errors dominate the gradient.") with { Example = "train m on train loss=mse" };

    public static readonly OperationSpec L1 = OperationSpec.Create("l1", Loss,
        "Mean absolute error |ŷ − y|: every error pulls with the same force.") with { Example = "train m on train loss=l1" };

    public static readonly OperationSpec Huber = OperationSpec.Create("huber", Loss,
        "Huber loss: ½Δ² for |Δ| ≤ δ, δ(|Δ| − ½δ) beyond; squared near zero, absolute for outliers.",
        Parameter.Num("delta", "Where the loss turns from quadratic to linear.", 1.0, min: 0, minExclusive: true).AsPositional()) with
    {
        Example = "train m on train loss=huber(delta=0.5)",
    };

    public static readonly OperationSpec Tukey = OperationSpec.Create("tukey", Loss,
        "Tukey's biweight: K·(1 − (1 − (Δ/c)²)³) for |Δ| ≤ c, K beyond, with K = c²/6 (c = √(6K)); errors beyond c stop pulling, so outliers are ignored. Normalise the targets first.",
        Parameter.Num("c", "Cut-off c: errors larger than c cost the constant K = c²/6 and give no gradient (4.685 is 95% efficient for Gaussian noise).", 4.685, min: 0, minExclusive: true).AsPositional()) with
    {
        Example = "train m on train loss=tukey(c=4.685)",
    };

    static ParameterSpec Margin() =>
        Parameter.Num("margin", "Required score gap between the true class and each other class.", 1.0, min: 0).AsPositional();

    public static readonly OperationSpec Hinge = OperationSpec.Create("hinge", Loss,
        "Multi-class SVM loss (Weston–Watkins): Σ_{j≠y} max(0, f_j − f_y + margin).", Margin()) with { Example = "train m on train loss=hinge" };

    public static readonly OperationSpec SquaredHinge = OperationSpec.Create("squared_hinge", Loss,
        "Squared multi-class SVM loss: Σ_{j≠y} max(0, f_j − f_y + margin)².", Margin()) with { Example = "train m on train loss=squared_hinge" };

    public static readonly OperationSpec MultiLabelHinge = OperationSpec.Create("multilabel_hinge", Loss,
        "Attribute classification with one binary SVM per label: Σⱼ max(0, margin − yⱼ·fⱼ) with yⱼ = ±1 (targets 1/0).",
        Parameter.Num("margin", "Required score on the right side of zero.", 1.0, min: 0).AsPositional()) with
    {
        Example = "train m on train loss=multilabel_hinge",
    };

    public static readonly OperationSpec MultiLabelLogistic = OperationSpec.Create("multilabel_logistic", Loss,
        "Attribute classification with one logistic regression per label: Σⱼ −[yⱼ·log σ(fⱼ) + (1−yⱼ)·log(1−σ(fⱼ))] per sample.")
        with { Example = "train m on train loss=multilabel_logistic" };

    public static readonly OperationSpec HierarchicalSoftmax = OperationSpec.Create("hierarchical_softmax", Loss,
        "Hierarchical softmax for large label sets: the classes are leaves of a balanced binary tree, P(class) is the product of logistic left/right decisions on its path, so a step costs O(log C) instead of O(C). The loss owns the output layer: the model ends with a hidden vector of any width.")
        with { Example = "train m on train loss=hierarchical_softmax" };

    public static IReadOnlyList<OperationSpec> All { get; } =
        [CrossEntropy, BinaryCrossEntropy, Mse, L1, Huber, Tukey, Hinge, SquaredHinge, MultiLabelHinge, MultiLabelLogistic, HierarchicalSoftmax];

    public static LossTarget TargetOf(string loss) => loss switch
    {
        "cross_entropy" or "hinge" or "squared_hinge" => LossTarget.Classes,
        "binary_cross_entropy" => LossTarget.Binary,
        "multilabel_hinge" or "multilabel_logistic" => LossTarget.MultiLabel,
        "mse" or "l1" or "huber" or "tukey" => LossTarget.Real,
        "hierarchical_softmax" => LossTarget.ClassesFromHidden,
        _ => throw new ArgumentException($"no loss `{loss}`", nameof(loss)),
    };
}
