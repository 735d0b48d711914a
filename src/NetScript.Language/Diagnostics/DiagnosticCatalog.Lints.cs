namespace NetScript.Language.Diagnostics;

/// <summary>NS05xx: lints — training advice (docs/guide.md), checked before any compute. Warnings:
/// the script still runs. Each says what goes wrong and the fix, and can be silenced for one
/// line with <c># netscript: allow NS05xx</c> (grammar/lints.md).</summary>
public static partial class DiagnosticCatalog
{
    public static readonly DiagnosticDescriptor SymmetricInit =
        Warning("NS0501", "No symmetry breaking",
            "`{0}` starts every weight of model `{1}` at the same value {2}: the units of a hidden layer then compute the same output and get the same gradient, so they stay copies of each other (no symmetry breaking); use small random weights, e.g. `init kaiming` for ReLU networks or `init xavier` for tanh");

    public static readonly DiagnosticDescriptor SaturatingHidden =
        Warning("NS0502", "Saturating hidden activation",
            "hidden `{0}` in a deep model (`{1}` has {2} weight layers): saturated units pass almost no gradient back, so the early layers learn very slowly (vanishing gradients); use `relu` (or `leaky_relu`, `elu`, `gelu`) in hidden layers, or put `batchnorm` before it");

    public static readonly DiagnosticDescriptor XavierWithRelu =
        Warning("NS0503", "Xavier init with ReLU",
            "`{0}` keeps the variance of zero-centred activations such as tanh, but model `{1}` uses `{2}`, which zeroes half of its inputs: the variance halves at every layer; use `{3}` (Kaiming/MSRA, Var(W) = 2/fan_in)");

    public static readonly DiagnosticDescriptor SmallInitDeep =
        Warning("NS0504", "Small random init in a deep model",
            "`{0}` is too small for model `{1}`: through its {2} weight layers the activations shrink to about {3} of their input scale by layer `{4}`, and the gradients shrink with them, so the network barely learns; use `init kaiming` (ReLU) or `init xavier` (tanh), or add `batchnorm` after the affine layers");

    public static readonly DiagnosticDescriptor PreprocessingLeak =
        Warning("NS0505", "Preprocessing fitted on held-out data",
            "the preprocessing statistics were fitted on `{0}`, which {1}: its own data shaped them, so the score is optimistic (leakage); fit them on the training split (`preprocess fit={2} {{ … }}`) and keep `{0}` for validation or testing only");

    public static readonly DiagnosticDescriptor DoubleActivation =
        Warning("NS0506", "Activation before a loss that applies its own",
            "model `{0}` ends with `{1}`, but loss `{2}` applies the {3} to raw scores itself: {4}, which weakens the loss's gradient; remove `{1}` so the model ends with raw scores (logits)");

    public static readonly DiagnosticDescriptor DecayOnBiases =
        Warning("NS0507", "Weight decay on biases and normalisation",
            "`decay_all` also applies weight decay ({0}) to biases, batchnorm's γ/β and learned activation slopes: they do not multiply inputs, so shrinking them does not control overfitting and only pulls them away from what the data needs; drop `decay_all` (weights are decayed without it)");

    public static readonly DiagnosticDescriptor UnregularizedCapacity =
        Warning("NS0508", "Large model without regularization",
            "model `{0}` has {1} parameters for {2} training samples of `{3}` ({4}× more) and nothing regularizes it, so it can memorise the training set; keep the big model and regularize it rather than shrink it — add {5}");

    public static readonly DiagnosticDescriptor BadAllowComment =
        Warning("NS0509", "Bad allow comment", "{0}");
}
