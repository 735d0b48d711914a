namespace NetScript.Runtime.Events;

/// <summary>Mean and sample standard deviation (n − 1 in the denominator, as pandas and
/// numpy's std(ddof=1); NaN with fewer than two values) of per-fold figures.</summary>
public sealed record Spread(double Mean, double Std)
{
    public static Spread Of(IReadOnlyList<double> values)
    {
        if (values.Count == 0) return new Spread(double.NaN, double.NaN);
        double mean = values.Average();
        double std = values.Count < 2 ? double.NaN : Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
        return new Spread(mean, std);
    }
}
