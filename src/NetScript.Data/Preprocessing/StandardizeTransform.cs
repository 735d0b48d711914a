using static TorchSharp.torch;

namespace NetScript.Data;

/// <summary>x' = (x − μ) / (σ + eps), μ and σ (population std, as scikit-learn's
/// StandardScaler and X /= np.std(X, axis=0)) computed on the fit split per
/// feature, per channel (ResNet) or globally.</summary>
public sealed class StandardizeTransform : FittedTransform
{
    public const string Name = "standardize";

    StandardizeTransform(Tensor mean, Tensor std, StatisticScope scope, double eps)
        : base(Name, [new("over", scope), new("eps", eps)], ("mean", mean), ("std", std))
    {
        Eps = eps;
    }

    public double Eps { get; }

    public static StandardizeTransform Fit(Tensor features, StatisticScope scope, double eps)
    {
        RequireRows(features, Name);
        using var _ = NewDisposeScope();
        var (std, mean) = features.std_mean(scope.Dimensions(features, Name), unbiased: false, keepdim: true); // (1, …)
        return new StandardizeTransform(Keep(mean), Keep(std), scope, eps);
    }

    public static StandardizeTransform FromState(TransformState state) =>
        new(Tensor(state, "mean"), Tensor(state, "std"), StatisticScopes.Parse(Parameter(state, "over")), Number(state, "eps"));

    protected override Tensor Transform(Tensor features, ScalarScope s) => features.sub(Statistic("mean")).div_(Statistic("std").Plus(Eps, s));

    protected override Tensor TransformInPlace(Tensor features, ScalarScope s) => features.sub_(Statistic("mean")).div_(Statistic("std").Plus(Eps, s));
}
