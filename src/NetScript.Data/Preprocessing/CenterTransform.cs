using static TorchSharp.torch;

namespace NetScript.Data;

/// <summary>Zero-centering (mean subtraction, X −= mean): subtracts the fit
/// split's mean per feature (for images, the mean image), per channel, or globally.</summary>
public sealed class CenterTransform : FittedTransform
{
    public const string Name = "zero_center";

    CenterTransform(Tensor mean, StatisticScope scope)
        : base(Name, [new("over", scope)], ("mean", mean))
    {
    }

    public static CenterTransform Fit(Tensor features, StatisticScope scope)
    {
        RequireRows(features, Name);
        using var _ = NewDisposeScope();
        Tensor mean = features.mean(scope.Dimensions(features, Name), keepdim: true); // (1, …) with 1s where reduced
        return new CenterTransform(Keep(mean), scope);
    }

    public static CenterTransform FromState(TransformState state) =>
        new(Tensor(state, "mean"), StatisticScopes.Parse(Parameter(state, "over")));

    protected override Tensor Transform(Tensor features, ScalarScope s) => features - Statistic("mean");

    protected override Tensor TransformInPlace(Tensor features, ScalarScope s) => features.sub_(Statistic("mean"));
}
