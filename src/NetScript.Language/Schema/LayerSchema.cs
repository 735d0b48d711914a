using static NetScript.Language.Schema.OperationCategory;

namespace NetScript.Language.Schema;

/// <summary>Layers with weights or structure. Activations are layers too
/// (<see cref="ActivationSchema"/>); <see cref="All"/> lists both.</summary>
public static class LayerSchema
{
    public static readonly OperationSpec Dense = OperationSpec.Create("dense", Layer,
        "Fully connected (affine) layer: y = xWᵀ + b, on a flat input.",
        Parameter.Int("units", "Output width.", min: 1, max: Limits.Count).AsPositional().AsRequired(),
        Parameter.Flag("bias", "Learn an additive bias.", true),
        Parameter.Num("dropconnect", "DropConnect: while training, each weight is zeroed with this probability and the rest scaled by 1/(1−p) (inverted, so evaluation uses the plain weights); 0 = off.",
            0.0, min: 0, max: 1)) with { Example = "dense 100 -> relu" };

    public static readonly OperationSpec Conv = OperationSpec.Create("conv", Layer,
        "2-D convolution (cross-correlation) over (channels, height, width) inputs; out = ⌊(H + 2·pad − dilation·(kernel−1) − 1) / stride⌋ + 1.",
        Parameter.Int("channels", "Output channels (number of filters).", min: 1, max: Limits.Count).AsPositional().AsRequired(),
        Parameter.Int("kernel", "Kernel size (square).", 3, min: 1, max: Limits.Window),
        Parameter.Int("stride", "Step between kernel positions.", 1, min: 1, max: Limits.Window),
        Parameter.Int("pad", "Zero padding on each side.", 0, min: 0, max: Limits.Window),
        Parameter.Int("dilation", "Spacing between kernel taps.", 1, min: 1, max: Limits.Window),
        Parameter.Flag("bias", "Learn an additive bias per output channel.", true)) with
    {
        Example = "conv 32 kernel=3 pad=1 -> batchnorm -> relu -> maxpool 2",
    };

    public static readonly OperationSpec Conv1d = OperationSpec.Create("conv1d", Layer,
        "1-D convolution (cross-correlation) over (channels, length) inputs, channels first as `conv`; a flat input of F values is one channel of length F. out = ⌊(L + 2·pad − dilation·(kernel−1) − 1) / stride⌋ + 1.",
        Parameter.Int("channels", "Output channels (number of filters).", min: 1, max: Limits.Count).AsPositional().AsRequired(),
        Parameter.Int("kernel", "Kernel length.", 3, min: 1, max: Limits.Window),
        Parameter.Int("stride", "Step between kernel positions.", 1, min: 1, max: Limits.Window),
        Parameter.Int("pad", "Zero padding at each end.", 0, min: 0, max: Limits.Window),
        Parameter.Int("dilation", "Spacing between kernel taps.", 1, min: 1, max: Limits.Window),
        Parameter.Flag("bias", "Learn an additive bias per output channel.", true)) with
    {
        Example = "conv1d 16 kernel=5 pad=2 -> relu -> flatten -> dense 3",
    };

    public static readonly OperationSpec MaxPool = OperationSpec.Create("maxpool", Layer,
        "2-D max pooling: the largest value in each window, per channel.",
        Parameter.Int("kernel", "Window size (square).", 2, min: 1, max: Limits.Window).AsPositional(),
        Parameter.Int("stride", "Step between windows; defaults to the window size.", min: 1, max: Limits.Window),
        Parameter.Int("pad", "Implicit padding on each side (at most half the window).", 0, min: 0, max: Limits.Window)) with { Example = "maxpool 2" };

    public static readonly OperationSpec AvgPool = OperationSpec.Create("avgpool", Layer,
        "2-D average pooling: the mean of each window, per channel (padding counts as zeros).",
        Parameter.Int("kernel", "Window size (square).", 2, min: 1, max: Limits.Window).AsPositional(),
        Parameter.Int("stride", "Step between windows; defaults to the window size.", min: 1, max: Limits.Window),
        Parameter.Int("pad", "Implicit zero padding on each side (at most half the window).", 0, min: 0, max: Limits.Window)) with { Example = "avgpool 2" };

    public static readonly OperationSpec GlobalAvgPool = OperationSpec.Create("global_avgpool", Layer,
        "Global average pooling: each channel's mean over height and width, (C, H, W) → (C); replaces big dense heads (GoogLeNet, ResNet).")
        with { Example = "global_avgpool -> dense 10" };

    public static readonly OperationSpec Flatten = OperationSpec.Create("flatten", Layer,
        "Flattens each sample to one dimension: (C, H, W) → (C·H·W).") with { Example = "flatten -> dense 128" };

    public static readonly OperationSpec BatchNorm = OperationSpec.Create("batchnorm", Layer,
        "Batch normalisation: normalises each feature (flat input, 1-D) or channel (images, 2-D) with the batch's mean and variance while training, running averages when evaluating; place it between the affine layer and its activation.",
        Parameter.Num("eps", "Added to the variance for stability.", 1e-5, min: 0, minExclusive: true),
        Parameter.Num("momentum", "Weight of the current batch in the running averages.", 0.1, min: 0, max: 1),
        Parameter.Flag("affine", "Learn a scale γ and shift β per feature.", true)) with { Example = "dense 100 -> batchnorm -> relu" };

    public static readonly OperationSpec LayerNorm = OperationSpec.Create("layernorm", Layer,
        "Layer normalisation: each sample is normalised over its last `dims` dimensions, y = (x − mean) / √(var + eps) · γ + β (biased variance, the same in training and evaluation; no batch statistics).",
        Parameter.Int("dims", "How many trailing dimensions to normalise over (1: each feature vector; 3: a whole image).", 1, min: 1, max: 3),
        Parameter.Num("eps", "Added to the variance for stability.", 1e-5, min: 0, minExclusive: true),
        Parameter.Flag("affine", "Learn a scale γ and shift β per normalised element.", true)) with { Example = "dense 128 -> layernorm -> relu" };

    public static readonly OperationSpec Softmax = OperationSpec.Create("softmax", Layer,
        "Softmax over a flat input, p_j = e^(x_j) / Σₖ e^(x_k): the model then outputs probabilities. `cross_entropy` takes −log p_y of them (clipped to [1e−7, 1 − 1e−7]) instead of applying a second softmax, as Keras's losses with from_logits=False; predictions and ONNX `probabilities` use them as they are.")
        with { Example = "dense 10 -> softmax" };

    public static readonly OperationSpec Embedding = OperationSpec.Create("embedding", Layer,
        "Lookup table: a flat input of L integer token ids in [0, vocab) → (dim, L), channels first like `conv1d`'s input: position t holds row id_t of the learned weight (initialised N(0, 1), as PyTorch's nn.Embedding). Ids that are not whole numbers in range stop the run.",
        Parameter.Int("vocab", "Number of distinct ids (rows of the table).", min: 1, max: Limits.Count).AsPositional().AsRequired(),
        Parameter.Int("dim", "Length of each id's vector.", min: 1, max: Limits.Count).AsPositional().AsRequired()) with
    {
        Example = "embedding 1000 16 -> conv1d 32 kernel=3 -> relu -> flatten -> dense 2",
    };

    public static readonly OperationSpec Dropout = OperationSpec.Create("dropout", Layer,
        "Inverted dropout: while training, zeroes each value with probability p and scales the rest by 1/(1−p); does nothing when evaluating.",
        Parameter.Num("p", "Probability of dropping a value (not of keeping it).", 0.5, min: 0, max: 1).AsPositional()) with { Example = "dense 128 -> relu -> dropout 0.5" };

    public static readonly OperationSpec Maxout = OperationSpec.Create("maxout", Layer,
        "Maxout units (Goodfellow et al.): k affine maps per unit, output their maximum, max(w₁ᵀx + b₁, …, w_kᵀx + b_k); generalises ReLU and leaky ReLU at k times the parameters.",
        Parameter.Int("units", "Output width.", min: 1, max: Limits.Count).AsPositional().AsRequired(),
        Parameter.Int("k", "Affine pieces per unit.", 2, min: 2, max: 64),
        Parameter.Flag("bias", "Learn an additive bias per piece.", true)) with { Example = "maxout 64 k=2" };

    /// <summary>A skip connection around a block of layers (He et al. 2016). The shortcut is the
    /// identity when the branch keeps the input's shape; otherwise a learned projection without
    /// bias (y = F(x) + W_s·x, the paper's eq. 2): a 1×1 convolution, strided to the branch's
    /// height and width, for images, a dense map for flat inputs.</summary>
    public static readonly OperationSpec Residual = OperationSpec.Create("residual", Layer,
        "Residual block y = x + F(x), F = the layers of its `{ … }` block (the branch). The shortcut x is the identity when F keeps the shape, else a learned projection without bias: a 1×1 convolution (strided to F's height and width) on images, a dense map on flat inputs. With stochastic depth (Huang et al. 2016) the branch is dropped while training and scaled by its survival probability when evaluating.",
        Parameter.Num("stochastic_depth", "Stochastic depth: while training, the branch is skipped (y = x) with this probability; when evaluating y = x + (1 − p)·F(x). 0 = off.",
            0.0, min: 0, max: 1),
        Parameter.Flag("per_sample", "Draw stochastic depth per sample instead of once per mini-batch (Huang et al. draw per mini-batch; a skipped batch also skips the branch's compute).")) with
    {
        Example = "residual { conv 32 kernel=3 pad=1 -> batchnorm -> relu; conv 32 kernel=3 pad=1 -> batchnorm } -> relu",
    };

    /// <summary>Unrolled by the checker: the model holds N copies of the block's layers.</summary>
    public static readonly OperationSpec Repeat = OperationSpec.Create("repeat", Layer,
        "Stacks the layers of its `{ … }` block N times, each copy with its own weights (and its own names: dense1, dense2 …).",
        Parameter.Int("times", "How many copies.", min: 1, max: 1000).AsPositional().AsRequired()) with
    {
        Example = "repeat 3 { residual { dense 64 -> relu; dense 64 } -> relu }",
    };

    /// <summary>Layers written with a `{ … }` block of layers.</summary>
    public static IReadOnlyList<OperationSpec> Blocks { get; } = [Residual, Repeat];

    /// <summary>Layers that own weight matrices; `init` applies to these.</summary>
    public static IReadOnlyList<OperationSpec> Affine { get; } = [Dense, Conv, Conv1d, Maxout];

    public static IReadOnlyList<OperationSpec> All { get; } =
        [Dense, Conv, Conv1d, MaxPool, AvgPool, GlobalAvgPool, Flatten, BatchNorm, LayerNorm, Dropout, Maxout, Embedding, Residual, Repeat, Softmax, .. ActivationSchema.All];
}
