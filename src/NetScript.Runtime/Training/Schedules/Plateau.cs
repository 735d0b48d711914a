using NetScript.Language.Lowering;
using NetScript.Runtime.Events;

namespace NetScript.Runtime.Training.Schedules;

/// <summary>The state of a reduce-on-plateau schedule: the factor the optimizer's rate is
/// multiplied by, lowered between epochs (Keras's ReduceLROnPlateau: `patience` epochs in a row
/// without an improvement beyond `min_delta` multiply it by `factor`, then `cooldown` epochs pass
/// before counting again). It depends only on the epochs' metrics, so a resumed run replays the
/// recorded history to continue at the same rate.</summary>
internal sealed class Plateau(PlateauSchedule settings, double baseRate)
{
    public PlateauSchedule Settings => settings;

    double _best = double.NaN;
    int _bad;
    int _cooldown;

    /// <summary>The rate now (the optimizer's until the first plateau).</summary>
    public double Rate { get; private set; } = baseRate;

    /// <summary>Takes a finished epoch's metrics; true when the rate was reduced.</summary>
    public bool Observe(Metrics train, Metrics? validation)
    {
        double value = EarlyStopping.Read(settings.Metric, train, validation);
        if (_cooldown > 0)
        {
            _cooldown--;
            _bad = 0;
        }
        if (EarlyStopping.Improves(value, _best, settings.Maximize, settings.MinDelta))
        {
            _best = value;
            _bad = 0;
            return false;
        }
        if (_cooldown > 0 || ++_bad < settings.Patience) return false;
        if (Rate <= settings.MinLr) return false; // already at min_lr: epochs go on counting, as in Keras
        Rate = Math.Max(Rate * settings.Factor, settings.MinLr);
        _bad = 0;
        _cooldown = settings.Cooldown;
        return true;
    }

    /// <summary>Replays the epochs a checkpoint recorded.</summary>
    public void Replay(IEnumerable<EpochMetrics> history)
    {
        foreach (EpochMetrics epoch in history) Observe(epoch.Train, epoch.Validation);
    }
}
