using NetScript.Runtime.Events;

namespace NetScript.Runtime.Search;

/// <summary>A trial's score: the search metric of its last training, or, when that training
/// ran on folds, the mean over the folds with their sample standard deviation (as
/// <see cref="Spread"/>, the figures the cross-validation itself reports).</summary>
public sealed record TrialScore(double Value, double Std, IReadOnlyList<double> Folds)
{
    public static TrialScore OfFolds(IReadOnlyList<double> folds)
    {
        Spread spread = Spread.Of(folds);
        return new TrialScore(spread.Mean, spread.Std, folds);
    }

    public static TrialScore Single(double value) => new(value, double.NaN, []);
}
