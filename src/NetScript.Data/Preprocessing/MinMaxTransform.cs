using static TorchSharp.torch;

namespace NetScript.Data;

/// <summary>Min-max scaling to [low, high] (default [−1, 1], the second
/// normalisation): low + (x − min)·(high − low)/(max − min) with min and max of the fit
/// split. A constant feature (max = min) maps to low, as in scikit-learn's MinMaxScaler.
/// Values outside the fit split's range land outside [low, high].</summary>
public sealed class MinMaxTransform : FittedTransform
{
    public const string Name = "minmax";

    MinMaxTransform(Tensor min, Tensor max, StatisticScope scope, double low, double high)
        : base(Name, [new("over", scope), new("low", low), new("high", high)], ("min", min), ("max", max))
    {
        Low = low;
        High = high;
    }

    public double Low { get; }

    public double High { get; }

    public static MinMaxTransform Fit(Tensor features, StatisticScope scope, double low, double high)
    {
        RequireRows(features, Name);
        if (!(high > low)) throw new DataException($"`{Name}` needs low < high");
        using var _ = NewDisposeScope();
        long[] dims = scope.Dimensions(features, Name);
        return new MinMaxTransform(Keep(features.amin(dims, keepdim: true)), Keep(features.amax(dims, keepdim: true)), scope, low, high);
    }

    public static MinMaxTransform FromState(TransformState state) =>
        new(Tensor(state, "min"), Tensor(state, "max"), StatisticScopes.Parse(Parameter(state, "over")), Number(state, "low"), Number(state, "high"));

    protected override Tensor Transform(Tensor features, ScalarScope s)
    {
        Tensor range = Statistic("max") - Statistic("min");
        Tensor scale = range.where(range.gt(s.Of(0)), ones_like(range)).reciprocal().mul(s.Of(High - Low)); // a constant feature keeps scale 1
        return (features - Statistic("min")).mul(scale).Plus(Low, s);
    }
}
