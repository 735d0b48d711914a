using NetScript.Language.Schema;

namespace NetScript.Language.Semantics;

/// <summary>What a layer does in a model, for the lints: affine layers own weight matrices,
/// activations follow them, batchnorm renormalises between the two.</summary>
internal static class LayerRoles
{
    public static bool IsAffine(LayerDefinition layer) => LayerSchema.Affine.Contains(layer.Arguments.Spec);

    public static bool IsActivation(LayerDefinition layer) => ActivationSchema.All.Contains(layer.Arguments.Spec);

    /// <summary>Rectifiers zero (or nearly zero) the negative half: what Kaiming's gain is for.</summary>
    public static bool IsRectifier(LayerDefinition layer) => layer.Kind is "relu" or "leaky_relu" or "prelu";

    /// <summary>Squashing activations whose gradient vanishes away from 0.</summary>
    public static bool IsSaturating(LayerDefinition layer) => layer.Kind is "sigmoid" or "tanh";

    public static int AffineCount(IReadOnlyList<LayerDefinition> layers) => layers.Count(IsAffine);

    /// <summary>Indices of the affine layers that another affine layer follows: the hidden ones.</summary>
    public static IEnumerable<int> HiddenAffine(IReadOnlyList<LayerDefinition> layers)
    {
        int last = LastIndex(layers, IsAffine);
        return Enumerable.Range(0, Math.Max(0, last)).Where(i => IsAffine(layers[i]));
    }

    /// <summary>The activation after the affine layer at <paramref name="affine"/>, before the
    /// next affine layer (null when there is none).</summary>
    public static LayerDefinition? ActivationAfter(IReadOnlyList<LayerDefinition> layers, int affine) =>
        Between(layers, affine).FirstOrDefault(IsActivation);

    /// <summary>Whether batchnorm follows the affine layer at <paramref name="affine"/> before
    /// the next affine layer.</summary>
    public static bool NormalisedAfter(IReadOnlyList<LayerDefinition> layers, int affine) =>
        Between(layers, affine).Any(l => l.Kind == "batchnorm");

    /// <summary>Whether batchnorm lies between the activation at <paramref name="index"/> and
    /// the affine layer before it (BN first keeps a saturating unit in its linear range).</summary>
    public static bool NormalisedBefore(IReadOnlyList<LayerDefinition> layers, int index)
    {
        for (int i = index - 1; i >= 0 && !IsAffine(layers[i]); i--)
            if (layers[i].Kind == "batchnorm") return true;
        return false;
    }

    /// <summary>Whether any affine layer comes after <paramref name="index"/>.</summary>
    public static bool AffineAfter(IReadOnlyList<LayerDefinition> layers, int index) =>
        layers.Skip(index + 1).Any(IsAffine);

    /// <summary>Inputs per unit: the fan-in of Var(W) = g/fan_in.</summary>
    public static long FanIn(LayerPlan layer) => layer.Layer.Kind switch
    {
        "conv" => layer.Input.Dims[0] * layer.Layer.Arguments.Int("kernel") * layer.Layer.Arguments.Int("kernel"),
        "conv1d" => (layer.Input.Rank == 1 ? 1 : layer.Input.Dims[0]) * layer.Layer.Arguments.Int("kernel"),
        _ => layer.Input.Elements,
    };

    /// <summary>Root-mean-square gain of an activation for zero-mean Gaussian input: a
    /// rectifier keeps half the second moment (√½; a leak α adds α²/2), the others are taken as
    /// linear near 0. An approximation for the lints' estimate, not an exact figure.</summary>
    public static double Gain(LayerDefinition? activation) => activation?.Kind switch
    {
        "relu" or "gelu" or "elu" => Math.Sqrt(0.5),
        "leaky_relu" => Math.Sqrt((1 + Math.Pow(activation.Arguments.Number("alpha"), 2)) / 2),
        "prelu" => Math.Sqrt((1 + Math.Pow(activation.Arguments.Number("init"), 2)) / 2),
        _ => 1.0,
    };

    static IEnumerable<LayerDefinition> Between(IReadOnlyList<LayerDefinition> layers, int affine) =>
        layers.Skip(affine + 1).TakeWhile(l => !IsAffine(l));

    static int LastIndex(IReadOnlyList<LayerDefinition> layers, Func<LayerDefinition, bool> predicate)
    {
        for (int i = layers.Count - 1; i >= 0; i--)
            if (predicate(layers[i])) return i;
        return -1;
    }
}
