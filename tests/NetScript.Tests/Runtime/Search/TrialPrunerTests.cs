using NetScript.Language.Semantics;
using NetScript.Runtime.Search;

namespace NetScript.Tests.Runtime.Search;

/// <summary>ASHA and the median rule on synthetic learning curves whose outcome is known by hand.</summary>
public sealed class TrialPrunerTests
{
    /// <summary>Runs trials one after another, each reporting <paramref name="curve"/>(quality,
    /// epoch) for epochs 1 … <paramref name="epochs"/>; returns the epoch each stopped at (0: finished).</summary>
    static int[] Run(TrialPruner pruner, double[] qualities, int epochs, Func<double, int, double> curve) =>
        [.. qualities.Select(q => Enumerable.Range(1, epochs).FirstOrDefault(e => pruner.Report(fold: false, e, curve(q, e)) is not null))];

    [Fact]
    public void Asha_lets_only_the_top_third_past_each_rung()
    {
        // Rungs at epochs 1, 3, 9 (grace 1, reduction 3). Values are the quality at every epoch.
        var pruner = new TrialPruner(PruneRule.Asha, reduction: 3, grace: 1, maximize: true);
        double[] q = [0.5, 0.9, 0.2, 0.7, 0.95, 0.1, 0.8, 0.3, 0.99];
        int[] stopped = Run(pruner, q, 9, (quality, _) => quality);
        // Trial 0 is alone at every rung; trial 1 beats it; 0.2, 0.7, 0.1, 0.8 and 0.3 are not
        // the best of fewer than six values, or in the top ⌊n/3⌋ after, at rung 1; 0.95 and 0.99 lead.
        Assert.Equal([0, 0, 1, 1, 0, 1, 1, 1, 0], stopped);
    }

    [Fact]
    public void Asha_judges_rising_curves_at_the_rungs_only()
    {
        var pruner = new TrialPruner(PruneRule.Asha, reduction: 2, grace: 2, maximize: false);
        // Losses fall as 1/epoch scaled by quality; rungs at 2, 4, 8; the third trial is worst at rung 2.
        int[] stopped = Run(pruner, [1.0, 0.5, 2.0, 0.4], 8, (quality, epoch) => quality / epoch);
        Assert.Equal([0, 0, 2, 0], stopped);
    }

    [Fact]
    public void The_median_rule_waits_for_five_trials_then_stops_those_below_the_median()
    {
        var pruner = new TrialPruner(PruneRule.Median, reduction: 3, grace: 2, maximize: true);
        double[] q = [0.1, 0.2, 0.3, 0.4, 0.5, 0.25, 0.35];
        int[] stopped = Run(pruner, q, 4, (quality, _) => quality);
        // Median of the first five at each epoch is 0.3: 0.25 stops at epoch 2 (the grace), 0.35 goes on.
        Assert.Equal([0, 0, 0, 0, 0, 2, 0], stopped);
    }

    [Fact]
    public void On_folds_a_trial_is_judged_on_the_mean_of_its_folds_so_far()
    {
        var pruner = new TrialPruner(PruneRule.Asha, reduction: 2, grace: 1, maximize: true);
        Assert.Null(pruner.Report(fold: true, 1, 0.8));
        Assert.Null(pruner.Report(fold: true, 2, 0.7)); // rung 2: alone
        Assert.NotNull(pruner.Report(fold: true, 1, 0.6)); // rung 1: 0.6 is not the best of {0.8, 0.6}
    }
}
