using static TorchSharp.torch;

namespace NetScript.Data;

/// <summary>Over which values a statistic is computed (three ways to zero-center
/// images): per feature — one value per feature, which for images is the mean image
/// (AlexNet); per channel — one value per channel over all pixels (VGG, ResNet); global —
/// one value for everything.</summary>
public enum StatisticScope
{
    PerFeature,
    PerChannel,
    Global,
}

public static class StatisticScopes
{
    public static string Name(this StatisticScope scope) => scope switch
    {
        StatisticScope.PerChannel => "per_channel",
        StatisticScope.Global => "global",
        _ => "per_feature",
    };

    public static StatisticScope Parse(string name) => name switch
    {
        "per_feature" or "mean_image" => StatisticScope.PerFeature,
        "per_channel" => StatisticScope.PerChannel,
        "global" => StatisticScope.Global,
        _ => throw new DataException($"unknown statistic scope `{name}` (per_feature, mean_image, per_channel or global)"),
    };

    /// <summary>The dimensions of (N, …) features to reduce; statistics keep the others
    /// (with keepdim) so they broadcast over any batch.</summary>
    internal static long[] Dimensions(this StatisticScope scope, Tensor features, string kind)
    {
        long rank = features.dim();
        return scope switch
        {
            StatisticScope.PerFeature => [0],
            StatisticScope.Global => Enumerable.Range(0, (int)rank).Select(d => (long)d).ToArray(),
            _ when rank >= 3 => new long[] { 0 }.Concat(Enumerable.Range(2, (int)rank - 2).Select(d => (long)d)).ToArray(),
            _ => throw new DataException($"`{kind} per_channel` needs samples with channels, shaped [C, H, W]; these samples are [{string.Join(", ", features.shape[1..])}]"),
        };
    }
}
