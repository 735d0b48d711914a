using NetScript.Language.Lowering;
using NetScript.Runtime.Events;

namespace NetScript.Runtime.Training;

/// <summary>Watches one metric after each epoch: an epoch improves when it beats the best by
/// more than min_delta (in the metric's direction); after `patience` epochs without
/// improvement the run stops. The first measured epoch always improves.</summary>
public sealed class EarlyStopping(EarlyStopSpec settings)
{
    public EarlyStopSpec Settings { get; } = settings;

    public double Best { get; private set; } = double.NaN;

    public int BestEpoch { get; private set; }

    public int EpochsWithoutImprovement { get; private set; }

    public bool ShouldStop => EpochsWithoutImprovement >= Settings.Patience;

    /// <summary>Records an epoch's metrics; true when it is the new best.</summary>
    public bool Observe(int epoch, Metrics train, Metrics? validation)
    {
        double value = Read(Settings.Metric, train, validation);
        bool improved = Improves(value, Best, Settings.Maximize, Settings.MinDelta);
        if (improved)
        {
            Best = value;
            BestEpoch = epoch;
            EpochsWithoutImprovement = 0;
        }
        else
        {
            EpochsWithoutImprovement++;
        }
        return improved;
    }

    /// <summary>Puts back the state a checkpoint recorded.</summary>
    public void Restore(double best, int bestEpoch, int epochsWithoutImprovement)
    {
        Best = best;
        BestEpoch = bestEpoch;
        EpochsWithoutImprovement = epochsWithoutImprovement;
    }

    /// <summary>Whether <paramref name="value"/> beats <paramref name="best"/> (NaN: none yet) by more than <paramref name="minDelta"/>.</summary>
    public static bool Improves(double value, double best, bool maximize, double minDelta) =>
        double.IsNaN(best) || (maximize ? value > best + minDelta : value < best - minDelta);

    public static double Read(string metric, Metrics train, Metrics? validation)
    {
        Metrics source = metric.StartsWith("val_", StringComparison.Ordinal)
            ? validation ?? throw new InvalidOperationException($"`{metric}` needs validation metrics")
            : train;
        return metric[(metric.IndexOf('_') + 1)..] switch
        {
            "loss" => source.Loss,
            "acc" => source.Accuracy,
            "topk" => source.TopK ?? double.NaN,
            var custom => source.Custom?.GetValueOrDefault(custom, double.NaN) ?? double.NaN, // val_NAME of a C# metric
        };
    }
}
