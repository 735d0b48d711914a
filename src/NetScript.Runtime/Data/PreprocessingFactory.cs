using NetScript.Data;
using NetScript.Language.Schema;
using NetScript.Language.Semantics;
using static TorchSharp.torch;

namespace NetScript.Runtime.Data;

/// <summary>Fits the transform of one checked preprocessing step (arguments and their
/// defaults come from <see cref="PreprocessingSchema"/> through the bound arguments).</summary>
internal static class PreprocessingFactory
{
    public static IFittedTransform Fit(PreprocessOperation operation, Tensor features, string fitOn)
    {
        BoundArguments a = operation.Arguments;
        IFittedTransform fitted = operation.Kind switch
        {
            var k when k == PreprocessingSchema.ZeroCenter.Name => CenterTransform.Fit(features, Scope(a)),
            var k when k == PreprocessingSchema.Standardize.Name => StandardizeTransform.Fit(features, Scope(a), a.Number("eps")),
            var k when k == PreprocessingSchema.MinMax.Name => MinMaxTransform.Fit(features, Scope(a), a.Number("low"), a.Number("high")),
            var k when k == PreprocessingSchema.Scale.Name => new ScaleTransform(a.Number("factor")),
            var k when k == PreprocessingSchema.Pca.Name => PcaTransform.Fit(features, (int?)a.OptionalInt("k"), a.Flag("whiten"), a.Number("eps")),
            var k when k == PreprocessingSchema.Zca.Name => ZcaTransform.Fit(features, a.Number("eps")),
            _ => throw new RuntimeFailure($"preprocessing `{operation.Kind}` has no runtime implementation"),
        };
        return new FittedOnSplit(fitted, fitOn);
    }

    static StatisticScope Scope(BoundArguments a) => StatisticScopes.Parse(a.Text("over"));
}
