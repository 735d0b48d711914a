using NetScript.Language.Schema;
using NetScript.Language.Semantics;

namespace NetScript.Language.Lowering;

/// <summary>Reduce on plateau: the optimizer's rate, multiplied by <see cref="Factor"/> after
/// <see cref="Patience"/> epochs in a row without an improvement of <see cref="Metric"/> by
/// more than <see cref="MinDelta"/>, never below <see cref="MinLr"/>, with
/// <see cref="Cooldown"/> epochs after each reduction before counting again.</summary>
public sealed record PlateauSchedule(string Metric, double Factor, int Patience, double MinDelta, int Cooldown, double MinLr, Duration? Warmup)
    : ScheduleSpec(ScheduleSchema.ReduceOnPlateau.Name, Warmup)
{
    /// <summary>Whether a larger value of the metric is better (accuracies).</summary>
    public bool Maximize => !Metric.EndsWith("loss", StringComparison.Ordinal);

    private protected override IEnumerable<(string Name, object? Value)> Own() =>
        [("metric", Metric), ("factor", Factor), ("patience", Patience), ("min_delta", MinDelta), ("cooldown", Cooldown), ("min_lr", MinLr)];
}
