using NetScript.Data;
using NetScript.Language.Lowering;
using static TorchSharp.torch;

namespace NetScript.Runtime.Data;

/// <summary>Fits the transform of one lowered preprocessing step.</summary>
internal static class PreprocessingFactory
{
    public static IFittedTransform Fit(PreprocessingSpec operation, Tensor features, string fitOn)
    {
        IFittedTransform fitted = operation switch
        {
            ZeroCenterPreprocessing p => CenterTransform.Fit(features, Scope(p.Over)),
            StandardizePreprocessing p => StandardizeTransform.Fit(features, Scope(p.Over), p.Eps),
            MinMaxPreprocessing p => MinMaxTransform.Fit(features, Scope(p.Over), p.Low, p.High),
            ScalePreprocessing p => new ScaleTransform(p.Factor),
            PcaPreprocessing p => PcaTransform.Fit(features, (int?)p.K, p.Whiten, p.Eps),
            ZcaPreprocessing p => ZcaTransform.Fit(features, p.Eps),
            _ => throw new RuntimeFailure($"preprocessing `{operation.Kind}` has no runtime implementation"),
        };
        return new FittedOnSplit(fitted, fitOn);
    }

    static StatisticScope Scope(StatisticsOver over) => over switch
    {
        StatisticsOver.PerChannel => StatisticScope.PerChannel,
        StatisticsOver.Global => StatisticScope.Global,
        _ => StatisticScope.PerFeature, // per_feature, mean_image
    };
}
