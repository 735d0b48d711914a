using static NetScript.Language.Schema.OperationCategory;

namespace NetScript.Language.Schema;

public static class OptimizerSchema
{
    public static readonly OperationSpec Sgd = OperationSpec.Create("sgd", Optimizer,
        "Stochastic gradient descent, optionally with (Nesterov) momentum.",
        P.Num("lr", "Learning rate.", 0.01, min: 0, minExclusive: true),
        P.Num("momentum", "Momentum factor (0 = plain SGD).", 0.0, min: 0, max: 1),
        P.Flag("nesterov", "Nesterov momentum."),
        P.Num("weight_decay", "L2 penalty coefficient.", 0.0, min: 0)) with { Example = "optimizer sgd lr=0.1 momentum=0.9" };

    public static readonly OperationSpec Adam = OperationSpec.Create("adam", Optimizer,
        "Adam: momentum plus per-parameter step sizes; a good default.",
        P.Num("lr", "Learning rate.", 1e-3, min: 0, minExclusive: true),
        P.Num("beta1", "Decay of the first-moment estimate.", 0.9, min: 0, max: 1),
        P.Num("beta2", "Decay of the second-moment estimate.", 0.999, min: 0, max: 1),
        P.Num("eps", "Added to the denominator for stability.", 1e-8, min: 0, minExclusive: true),
        P.Num("weight_decay", "L2 penalty coefficient (added to the gradient).", 0.0, min: 0)) with { Example = "optimizer adam lr=1e-3" };

    /// <summary>Used by `train` when no `optimizer` statement came before it.</summary>
    public static OperationSpec Default => Adam;

    public static IReadOnlyList<OperationSpec> All { get; } = [Sgd, Adam];
}
