using NetScript.Language.Schema;

namespace NetScript.Language.Semantics;

/// <summary>Per-layer shape and parameter rules, matching what the runtime builds (the
/// summary's counts are tested against TorchSharp's module.parameters()). Shapes exclude the
/// batch dimension: [F] for flat data, [C, H, W] for images.</summary>
public static class LayerShapes
{
    /// <summary>The output shape for <paramref name="input"/>, or null with a reason.</summary>
    public static Shape? Output(LayerDefinition layer, Shape input, out string? error)
    {
        error = null;
        BoundArguments a = layer.Arguments;
        switch (layer.Kind)
        {
            case "dense" or "maxout":
                if (input.Rank == 1) return Shape.Of((int)a.Int("units")); // at most Limits.Count
                error = $"`{layer.Kind}` needs a flat input (one dimension); add `flatten` before it";
                return null;
            case "conv":
                return SpatialShapes.Conv(a, input, out error);
            case "conv1d":
                return SpatialShapes.Conv1d(a, input, out error);
            case "layernorm":
                if (input.Rank >= a.Int("dims")) return input;
                error = $"`layernorm dims={a.Int("dims")}` normalises over the last {a.Int("dims")} dimensions, but the input has {input.Rank}";
                return null;
            case "softmax":
                if (input.Rank == 1) return input;
                error = "`softmax` turns a flat input of scores (one dimension) into probabilities; add `flatten` before it";
                return null;
            case "embedding":
                if (input.Rank != 1)
                {
                    error = "`embedding` looks up a flat input of token ids (one dimension)";
                    return null;
                }
                if ((double)input.Dims[0] * a.Int("dim") > MaxValues)
                {
                    error = TooManyValues((double)input.Dims[0] * a.Int("dim"));
                    return null;
                }
                return Shape.Of((int)a.Int("dim"), input.Dims[0]); // channels first, as conv1d reads them
            case "maxpool" or "avgpool":
                return SpatialShapes.Pool(layer.Kind, a, input, out error);
            case "global_avgpool":
                if (input.Rank == 3) return Shape.Of(input.Dims[0]);
                error = "`global_avgpool` averages each channel of an image (channels, height, width)";
                return null;
            case "flatten":
                return Shape.Of((int)input.Elements); // at most MaxValues: every layer's output is checked
            case "batchnorm":
                if (input.Rank is 1 or 3) return input;
                error = "`batchnorm` normalises features of a flat input (1-D) or channels of an image (2-D)";
                return null;
            case "dropout":
                return input;
            case "residual":
                return ResidualShapes.Walk(layer, input, out error)?.Output;
            default:
                if (ActivationSchema.All.Any(s => s.Name == layer.Kind)) return input;
                error = $"no shape rule for `{layer.Kind}`";
                return null;
        }
    }

    /// <summary>The most values one sample may hold after any layer, and the most parameters a
    /// layer may have: a tensor dimension's 32-bit index (and 8 GB of float32 weights).</summary>
    public const long MaxValues = int.MaxValue;

    public static string TooManyValues(double values) =>
        $"its output would hold {values:G4} values per sample, more than the limit of {MaxValues} (2³¹ − 1)";

    /// <summary>Parameters a loss owns: hierarchical softmax's inner nodes, (C − 1) × (H + 1)
    /// for C classes and a hidden vector of H.</summary>
    public static long LossParameters(LossSettings loss, Shape output, int classes) =>
        loss.Target == Schema.LossTarget.ClassesFromHidden ? (classes - 1L) * (output.Elements + 1) : 0;

    /// <summary>Learned parameters (not buffers such as batchnorm's running averages).</summary>
    public static long Parameters(LayerDefinition layer, Shape input)
    {
        BoundArguments a = layer.Arguments;
        long Bias(long count) => a.Flag("bias") ? count : 0;
        switch (layer.Kind)
        {
            case "dense":
                long units = a.Int("units");
                return input.Elements * units + Bias(units);
            case "maxout":
                long pieces = a.Int("units") * a.Int("k");
                return input.Elements * pieces + Bias(pieces);
            case "conv":
                long channels = a.Int("channels");
                long kernel = a.Int("kernel");
                return channels * input.Dims[0] * kernel * kernel + Bias(channels);
            case "conv1d":
                long filters = a.Int("channels");
                return filters * (input.Rank == 1 ? 1 : input.Dims[0]) * a.Int("kernel") + Bias(filters);
            case "batchnorm":
                return a.Flag("affine") ? 2L * input.Dims[0] : 0;
            case "layernorm":
                return a.Flag("affine") ? 2L * input.Dims.TakeLast((int)a.Int("dims")).Aggregate(1L, (p, d) => p * d) : 0;
            case "embedding":
                return a.Int("vocab") * a.Int("dim");
            case "prelu":
                return a.Flag("per_channel") ? input.Dims[0] : 1;
            case "pwl":
                return 2; // k₁ and k₂
            case "residual":
                return ResidualShapes.Walk(layer, input, out _)?.Parameters ?? 0; // branch + shortcut projection
            default:
                return 0;
        }
    }
}
