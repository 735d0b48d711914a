using NetScript.Language.Semantics;

namespace NetScript.Runtime.Search;

/// <summary>Decides whether a running trial stops early, from the values earlier trials
/// reported at the same point. A point is an epoch (trials without folds) or a finished fold
/// (trials on folds, judged on the mean of their folds so far against other trials' means over
/// the same folds). `asha` (asynchronous successive halving, as Optuna's
/// SuccessiveHalvingPruner): points grace, grace·η, grace·η², … are rungs; at a rung a trial
/// goes on only when it is among the best max(1, ⌊n/η⌋) of the n values seen there, its own
/// included. `median` (Optuna's MedianPruner): from point `grace` on, once 5 trials reported a
/// point, a trial worse than their median stops. Decisions depend on the trials finished
/// before, so they are the same on every run with `parallel=1`.</summary>
public sealed class TrialPruner(PruneRule rule, int reduction, int grace, bool maximize)
{
    /// <summary>Optuna's MedianPruner default n_startup_trials.</summary>
    public const int MedianStartup = 5;

    readonly Dictionary<(bool Fold, int Point), List<double>> _seen = new();

    public bool Enabled => rule != PruneRule.None;

    /// <summary>Records a value at a point and returns why the trial stops, or null to go on.</summary>
    public string? Report(bool fold, int point, double value)
    {
        if (!Enabled || double.IsNaN(value)) return null;
        var key = (fold, point);
        if (!_seen.TryGetValue(key, out var values)) _seen[key] = values = new List<double>();
        string where = fold ? $"after fold {point}" : $"at epoch {point}";
        if (rule == PruneRule.Asha)
        {
            values.Add(value);
            if (!IsRung(point)) return null;
            int keep = Math.Max(1, values.Count / reduction);
            int better = values.Count(v => maximize ? v > value : v < value);
            return better < keep ? null : $"pruned {where}: {Format(value)} is not in the best {keep} of {values.Count} values there (asha, reduction {reduction})";
        }
        var earlier = values.ToList();
        values.Add(value);
        if (point < grace || earlier.Count < MedianStartup) return null;
        double median = Median(earlier);
        return (maximize ? value < median : value > median) ? $"pruned {where}: {Format(value)} is worse than the median {Format(median)} of {earlier.Count} earlier trials" : null;
    }

    /// <summary>Grace, grace·η, grace·η², …</summary>
    bool IsRung(int point)
    {
        for (long rung = grace; rung <= point; rung *= reduction)
            if (rung == point) return true;
        return false;
    }

    static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        int n = sorted.Count;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    static string Format(double value) => value.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture);
}
