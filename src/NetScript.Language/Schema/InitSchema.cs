using static NetScript.Language.Schema.OperationCategory;

namespace NetScript.Language.Schema;

/// <summary>Weight initialisation, written as a line <c>init KIND ARGS</c> in a model block.
/// It sets the weights of every affine layer (dense, conv, maxout) and their biases to
/// <c>bias</c>; batchnorm and learned activation slopes keep their own starting values.
/// Without an <c>init</c> line layers keep PyTorch's default (uniform ±1/√fan_in).
/// fan_in = inputs per unit (in_channels·kernel² for conv), fan_out = outputs per input.</summary>
public static class InitSchema
{
    static ParameterSpec Bias() => Parameter.Num("bias", "Constant every bias starts at (0 usually; 0.01 keeps ReLUs active at the start).", 0.0);

    /// <summary>The residual init: MSRA for the branch, its last layer zero, so
    /// Var(x + F(x)) = Var(x) at the start. With batchnorm last, its scale γ is zeroed instead of
    /// the convolution before it (Goyal et al. 2017; torchvision's zero_init_residual): the same
    /// F(x) = 0, without batchnorm dividing an all-zero input by √eps in the backward pass.</summary>
    static ParameterSpec ZeroResidual() => Parameter.Flag("zero_residual",
        "Start every residual block as the identity: zero the last layer with parameters of each branch (a batchnorm's scale γ, or an affine layer's weights and bias).");

    public static readonly OperationSpec Zeros = OperationSpec.Create("zeros", Init,
        "All weights 0: every unit computes the same thing and gets the same gradient, so symmetry never breaks (useful only to demonstrate the problem).",
        Bias(), ZeroResidual()) with { Example = "model m { init zeros }" };

    public static readonly OperationSpec Constant = OperationSpec.Create("constant", Init,
        "All weights set to one value (breaks no symmetry either).",
        Parameter.Num("value", "The weight value.").AsPositional().AsRequired(),
        Bias(), ZeroResidual()) with { Example = "model m { init constant 0.1 }" };

    public static readonly OperationSpec Normal = OperationSpec.Create("normal", Init,
        "Weights ~ N(mean, std²); the default std 0.01 is the classic small random init W = 0.01·randn (fine for small nets, activations vanish in deep ones).",
        Parameter.Num("std", "Standard deviation.", 0.01, min: 0).AsPositional(),
        Parameter.Num("mean", "Mean.", 0.0),
        Bias(), ZeroResidual()) with { Example = "model m { init normal 0.01 }" };

    static OperationSpec XavierLike(string name, string summary) => OperationSpec.Create(name, Init, summary,
        Parameter.Choice("dist", "Draw from a normal or a uniform distribution with the same variance.", "normal", "normal", "uniform"),
        Parameter.Choice("mode", "`fan_avg`: Var = 2/(fan_in + fan_out) (Glorot & Bengio); `fan_in`: Var = 1/fan_in (W = randn/√D_in).", "fan_avg", "fan_avg", "fan_in"),
        Parameter.Num("gain", "Scales the standard deviation (e.g. 5/3 for tanh).", 1.0, min: 0, minExclusive: true),
        Bias(), ZeroResidual()) with { Example = $"model m {{ init {name} dist=uniform }}" };

    public static readonly OperationSpec Xavier = XavierLike("xavier",
        "Xavier/Glorot: keeps the variance of activations equal across layers for zero-centred activations (tanh); Var(W) = 2/(fan_in + fan_out) or 1/fan_in.");

    public static readonly OperationSpec Glorot = XavierLike("glorot", "Another name for `xavier`.");

    static OperationSpec KaimingLike(string name, string summary) => OperationSpec.Create(name, Init, summary,
        Parameter.Choice("nonlinearity", "The activation that follows: gain √2 for relu, √(2/(1+α²)) for leaky_relu.", "relu", "relu", "leaky_relu"),
        Parameter.Num("alpha", "Negative slope of the leaky ReLU (with nonlinearity=leaky_relu).", 0.01, min: 0),
        Parameter.Choice("dist", "Draw from a normal or a uniform distribution with the same variance.", "normal", "normal", "uniform"),
        Parameter.Choice("mode", "`fan_in` keeps forward activations' variance, `fan_out` the backward gradients'.", "fan_in", "fan_in", "fan_out"),
        Bias(), ZeroResidual()) with { Example = $"model m {{ init {name} bias=0 }}" };

    public static readonly OperationSpec Kaiming = KaimingLike("kaiming",
        "Kaiming/MSRA (He et al.): Var(W) = 2/fan_in for ReLU networks, i.e. W = randn·√(2/D_in).");

    public static readonly OperationSpec Msra = KaimingLike("msra", "Another name for `kaiming`.");

    public static readonly OperationSpec Sparse = OperationSpec.Create("sparse", Init,
        "Sparse init (Martens 2010): each unit gets exactly k nonzero incoming weights ~ N(0, std²), all others 0, so units differ without depending on the layer's width.",
        Parameter.Int("k", "Nonzero incoming weights per unit.", 10, min: 1, max: Limits.Count).AsPositional(),
        Parameter.Num("std", "Standard deviation of the nonzero weights.", 0.01, min: 0),
        Bias(), ZeroResidual()) with { Example = "model m { init sparse 10 }" };

    public static IReadOnlyList<OperationSpec> All { get; } = [Zeros, Constant, Normal, Xavier, Glorot, Kaiming, Msra, Sparse];
}
