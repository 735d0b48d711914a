namespace NetScript.Language.Lowering;

/// <summary>Over which values a preprocessing statistic is computed (<c>mean_image</c> is
/// another name for per feature).</summary>
public enum StatisticsOver
{
    PerFeature,
    MeanImage,
    PerChannel,
    Global,
}
