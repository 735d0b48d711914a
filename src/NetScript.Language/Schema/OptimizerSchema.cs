using static NetScript.Language.Schema.OperationCategory;

namespace NetScript.Language.Schema;

/// <summary>Optimizers (torch.optim). Weight decay applies to weight matrices and kernels only;
/// biases, batchnorm's γ/β and learned activation slopes are left alone unless
/// <c>decay_all</c> is set (decaying them only shrinks what the data needs).</summary>
public static class OptimizerSchema
{
    static ParameterSpec DecayAll() =>
        Parameter.Flag("decay_all", "Apply weight decay to biases, normalisation and activation parameters too, not only to weights.");

    public static readonly OperationSpec Sgd = OperationSpec.Create("sgd", Optimizer,
        "Stochastic gradient descent, optionally with momentum (v ← μv + g; w ← w − lr·v) or Nesterov momentum (w ← w − lr·(g + μv)).",
        Parameter.Num("lr", "Learning rate.", 0.01, min: 0, minExclusive: true),
        Parameter.Num("momentum", "Momentum factor μ (0 = plain SGD; 0.9 is usual).", 0.0, min: 0, max: 1),
        Parameter.Flag("nesterov", "Nesterov momentum (needs momentum > 0)."),
        Parameter.Num("weight_decay", "L2 penalty coefficient λ (adds λw to the gradient).", 0.0, min: 0),
        DecayAll()) with { Example = "optimizer sgd lr=0.1 momentum=0.9 nesterov" };

    public static readonly OperationSpec RmsProp = OperationSpec.Create("rmsprop", Optimizer,
        "RMSProp: divides each step by a running root-mean-square of the gradient, v ← αv + (1−α)g², w ← w − lr·g/(√v + eps).",
        Parameter.Num("lr", "Learning rate.", 0.01, min: 0, minExclusive: true),
        Parameter.Num("alpha", "Decay of the squared-gradient average.", 0.99, min: 0, max: 1),
        Parameter.Num("eps", "Added to the denominator for stability.", 1e-8, min: 0, minExclusive: true),
        Parameter.Num("momentum", "Momentum factor.", 0.0, min: 0, max: 1),
        Parameter.Flag("centered", "Normalise by the gradient's variance instead of its raw second moment."),
        Parameter.Num("weight_decay", "L2 penalty coefficient (added to the gradient).", 0.0, min: 0),
        DecayAll()) with { Example = "optimizer rmsprop lr=1e-3" };

    static OperationSpec AdamLike(string name, string summary, ParameterSpec weightDecay) => OperationSpec.Create(name, Optimizer, summary,
        Parameter.Num("lr", "Learning rate.", 1e-3, min: 0, minExclusive: true),
        Parameter.Num("beta1", "Decay of the first-moment estimate.", 0.9, min: 0, max: 1),
        Parameter.Num("beta2", "Decay of the second-moment estimate.", 0.999, min: 0, max: 1),
        Parameter.Num("eps", "Added to the denominator for stability.", 1e-8, min: 0, minExclusive: true),
        weightDecay,
        DecayAll());

    public static readonly OperationSpec Adam = AdamLike("adam",
        "Adam: momentum plus per-parameter step sizes, with bias correction; a good default.",
        Parameter.Num("weight_decay", "L2 penalty coefficient (added to the gradient, so it is rescaled by Adam).", 0.0, min: 0)) with
    {
        Example = "optimizer adam lr=1e-3",
    };

    public static readonly OperationSpec AdamW = AdamLike("adamw",
        "AdamW: Adam with decoupled weight decay, w ← w − lr·λw applied outside the adaptive step (Loshchilov & Hutter).",
        Parameter.Num("weight_decay", "Decoupled weight decay λ.", 0.01, min: 0)) with
    {
        Example = "optimizer adamw lr=1e-3 weight_decay=1e-4",
    };

    /// <summary>Used by `train` when no `optimizer` statement came before it.</summary>
    public static OperationSpec Default => Adam;

    public static IReadOnlyList<OperationSpec> All { get; } = [Sgd, RmsProp, Adam, AdamW];
}
