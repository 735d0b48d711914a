using static NetScript.Language.Schema.OperationCategory;

namespace NetScript.Language.Schema;

/// <summary>Element-wise nonlinearities (activation functions). They are layers:
/// they appear in model chains and <see cref="LayerSchema.All"/> lists them.</summary>
public static class ActivationSchema
{
    public static readonly OperationSpec Sigmoid = OperationSpec.Create("sigmoid", Layer,
        "σ(x) = 1 / (1 + e⁻ˣ), squashes to (0, 1); saturates and is not zero-centred, so hidden layers learn slowly.")
        with { Example = "dense 100 -> sigmoid" };

    public static readonly OperationSpec Tanh = OperationSpec.Create("tanh", Layer,
        "tanh(x) = 2σ(2x) − 1, squashes to (−1, 1); zero-centred but still saturates.") with { Example = "dense 100 -> tanh" };

    public static readonly OperationSpec Relu = OperationSpec.Create("relu", Layer,
        "Rectified linear unit max(0, x): no saturation for x > 0, converges fast; units can die at high learning rates.")
        with { Example = "dense 100 -> relu" };

    public static readonly OperationSpec LeakyRelu = OperationSpec.Create("leaky_relu", Layer,
        "max(αx, x): a small slope for x < 0 so units never die.",
        Parameter.Num("alpha", "Slope for negative inputs.", 0.01, min: 0).AsPositional()) with { Example = "dense 100 -> leaky_relu 0.1" };

    public static readonly OperationSpec Prelu = OperationSpec.Create("prelu", Layer,
        "Parametric ReLU: max(αx, x) with the slope α learned by backpropagation.",
        Parameter.Num("init", "Initial slope for negative inputs.", 0.25),
        Parameter.Flag("per_channel", "Learn one slope per channel (images) or feature (flat input) instead of one shared slope.")) with
    {
        Example = "dense 100 -> prelu",
    };

    public static readonly OperationSpec Elu = OperationSpec.Create("elu", Layer,
        "Exponential linear unit: x for x > 0, α(eˣ − 1) otherwise; outputs closer to zero mean, saturates softly for x < 0.",
        Parameter.Num("alpha", "Value approached for very negative inputs (−α).", 1.0, min: 0).AsPositional()) with { Example = "dense 100 -> elu" };

    public static readonly OperationSpec Selu = OperationSpec.Create("selu", Layer,
        "Scaled ELU: λ·elu(x, α) with λ ≈ 1.0507, α ≈ 1.6733, self-normalising for deep nets without batchnorm.")
        with { Example = "dense 100 -> selu" };

    public static readonly OperationSpec Gelu = OperationSpec.Create("gelu", Layer,
        "Gaussian error linear unit x·Φ(x) = x/2·(1 + erf(x/√2)), common in transformers.",
        Parameter.Choice("approximate", "`none` for the exact erf form, `tanh` for the tanh approximation.", "none", "none", "tanh")) with
    {
        Example = "dense 100 -> gelu",
    };

    public static readonly OperationSpec Softplus = OperationSpec.Create("softplus", Layer,
        "Smooth ReLU: log(1 + e^(βx)) / β; never has a zero gradient.",
        Parameter.Num("beta", "Sharpness β.", 1.0, min: 0, minExclusive: true),
        Parameter.Num("threshold", "Above βx > threshold the function is linear (for stability).", 20.0, min: 0, minExclusive: true)) with
    {
        Example = "dense 100 -> softplus",
    };

    public static readonly OperationSpec Pwl = OperationSpec.Create("pwl", Layer,
        "Learnable piecewise-linear unit: k₁·x for x > 0, k₂·x otherwise, with both slopes k₁ and k₂ learned.",
        Parameter.Num("k1", "Initial slope for positive inputs.", 1.0),
        Parameter.Num("k2", "Initial slope for negative inputs.", 0.25)) with { Example = "dense 100 -> pwl" };

    public static IReadOnlyList<OperationSpec> All { get; } =
        [Sigmoid, Tanh, Relu, LeakyRelu, Prelu, Elu, Selu, Gelu, Softplus, Pwl];
}
