using static NetScript.Language.Schema.OperationCategory;

namespace NetScript.Language.Schema;

/// <summary>Settings of <c>regularize MODEL { … }</c>, one per line, for every later training
/// of the model. Penalties apply to weights (matrices and kernels) only; biases, batchnorm's
/// γ/β and learned activation slopes are left alone unless <c>decay_all</c> is set, as for the
/// optimizer's weight decay. Penalties shape the gradient; the reported loss is the data
/// loss without them (as with torch.optim's weight_decay).</summary>
public static class RegularizationSchema
{
    static ParameterSpec Strength(string description) => Parameter.Num("lambda", description, min: 0).AsPositional().AsRequired();

    static ParameterSpec DecayAll() =>
        Parameter.Flag("decay_all", "Also penalise biases, normalisation and activation parameters, not only weights.");

    public static readonly OperationSpec WeightDecay = OperationSpec.Create("weight_decay", Regularizer,
        "The optimizer's own weight decay λ for this model, replacing the `optimizer` statement's `weight_decay`: added to the gradient (λw) "
        + "by sgd, rmsprop and adam, decoupled (w ← w − lr·λw) by adamw.",
        Strength("Decay coefficient λ."),
        DecayAll()) with { Example = "regularize m { weight_decay 5e-4 }" };

    public static readonly OperationSpec L2 = OperationSpec.Create("l2", Regularizer,
        "L2 penalty ½λ‖w‖²: adds λw to every weight's gradient whatever the optimizer (coupled, also under adamw, unlike `weight_decay`).",
        Strength("Penalty coefficient λ."),
        DecayAll()) with { Example = "regularize m { l2 1e-4 }" };

    public static readonly OperationSpec L1 = OperationSpec.Create("l1", Regularizer,
        "L1 penalty λ‖w‖₁: adds λ·sign(w) to every weight's gradient, pushing weights to exactly zero (sparse weights).",
        Strength("Penalty coefficient λ."),
        DecayAll()) with { Example = "regularize m { l1 1e-5 }" };

    public static readonly OperationSpec ElasticNet = OperationSpec.Create("elastic_net", Regularizer,
        "Elastic net λ₁‖w‖₁ + ½λ₂‖w‖²: the L1 and L2 penalties together (adds λ₁·sign(w) + λ₂w to the gradient).",
        Parameter.Num("l1", "L1 coefficient λ₁.", min: 0).AsRequired(),
        Parameter.Num("l2", "L2 coefficient λ₂.", min: 0).AsRequired(),
        DecayAll()) with { Example = "regularize m { elastic_net l1=1e-5 l2=1e-4 }" };

    public static readonly OperationSpec MaxNorm = OperationSpec.Create("max_norm", Regularizer,
        "Max-norm constraint: after every optimizer step, each unit's incoming weight vector (a row of a dense weight, one conv filter) "
        + "is scaled back to norm c when longer; the network cannot blow up even with high learning rates.",
        Parameter.Num("c", "Largest L2 norm of a unit's weight vector (3 or 4 are usual).", min: 0, minExclusive: true).AsPositional().AsRequired()) with
    {
        Example = "regularize m { max_norm 3 }",
    };

    public static readonly OperationSpec LabelSmoothing = OperationSpec.Create("label_smoothing", Regularizer,
        "Label smoothing for `cross_entropy`: its `label_smoothing` argument for every training of the model.",
        Parameter.Num("epsilon", "Target mass spread over all classes.", min: 0, max: 1).AsPositional().AsRequired()) with
    {
        Example = "regularize m { label_smoothing 0.1 }",
    };

    public static readonly OperationSpec Mixup = OperationSpec.Create("mixup", Regularizer,
        "Mixup (Zhang et al.): each training batch becomes λx + (1−λ)x[perm] with a random permutation of the batch, trained on λ·L(y) + (1−λ)·L(y[perm]); "
        + "λ ~ Beta(α, α) per batch.",
        Parameter.Num("alpha", "Beta distribution parameter α (0.2 is usual; 1 draws λ uniformly).", 0.2, min: 0, minExclusive: true).AsPositional()) with
    {
        Example = "regularize m { mixup alpha=0.2 }",
    };

    public static readonly OperationSpec CutMix = OperationSpec.Create("cutmix", Regularizer,
        "CutMix (Yun et al.), images only: pastes a random box of a permuted batch's images into each image, the box covering 1−λ of the area "
        + "(λ ~ Beta(α, α), then set to the exact uncovered fraction), trained on λ·L(y) + (1−λ)·L(y[perm]). With `mixup` too, each batch uses one of them at random.",
        Parameter.Num("alpha", "Beta distribution parameter α.", 1.0, min: 0, minExclusive: true).AsPositional()) with
    {
        Example = "regularize m { cutmix 1.0 }",
    };

    public static readonly OperationSpec Dropout = OperationSpec.Create("dropout", Regularizer,
        "Sets p of every dropout layer of the model for its trainings (e.g. searched: `dropout $p`).",
        Parameter.Num("p", "Probability of zeroing a unit.", min: 0, max: 1).AsPositional().AsRequired()) with
    {
        Example = "regularize m { dropout 0.3 }",
    };

    public static readonly OperationSpec Augment = OperationSpec.Create("augment", Regularizer,
        "A block of data augmentations (below) applied, in order, to every training batch of images — never to validation or evaluation data.") with
    {
        Example = "regularize m { augment { flip horizontal; crop 28 pad=2 } }",
    };

    public static IReadOnlyList<OperationSpec> All { get; } = [WeightDecay, L2, L1, ElasticNet, MaxNorm, LabelSmoothing, Mixup, CutMix, Dropout, Augment];
}
