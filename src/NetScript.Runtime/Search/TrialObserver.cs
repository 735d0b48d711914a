using System.Text.RegularExpressions;
using NetScript.Runtime.Events;
using NetScript.Runtime.Training;

namespace NetScript.Runtime.Search;

/// <summary>Listens to one trial's run: the search metric after every epoch (per fold when it
/// trains on folds), the final metrics of its trainings and cross-validations, and the time
/// spent training. Forwards nothing: a search reports per trial, not per epoch.</summary>
internal sealed partial class TrialObserver(string metric) : IRunObserver
{
    readonly List<TrialEpoch> _epochs = new();
    int _fold;

    // A fold's training run is named MODEL-foldI (FoldCompleted.FoldRun).
    [GeneratedRegex(@"-fold(\d+)$")]
    private static partial Regex FoldRun();

    public IReadOnlyList<TrialEpoch> Epochs => _epochs;

    public TrainingCompleted? LastTraining { get; private set; }

    public CrossValidationCompleted? LastCrossValidation { get; private set; }

    public double TrainingSeconds { get; private set; }

    /// <summary>Set by a pruning rule before it stops the trial.</summary>
    public bool Pruned { get; set; }

    /// <summary>Called after every epoch; may throw to stop the trial (pruning).</summary>
    public Action<TrialEpoch>? EpochObserved { get; init; }

    public void OnEvent(RunEvent e)
    {
        switch (e)
        {
            case TrainingStarted t:
                _fold = FoldRun().Match(t.Model) is { Success: true } m ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
                break;
            case EpochCompleted c:
                var epoch = new TrialEpoch(_fold, c.Epoch, Read(c.Train, c.Validation));
                _epochs.Add(epoch);
                EpochObserved?.Invoke(epoch);
                break;
            case TrainingCompleted t:
                LastTraining = t;
                TrainingSeconds += t.Elapsed.TotalSeconds;
                break;
            case CrossValidationCompleted cv:
                LastCrossValidation = cv;
                break;
        }
    }

    public double Read(Metrics train, Metrics? validation) =>
        metric.StartsWith("val_", StringComparison.Ordinal) && validation is null ? double.NaN : EarlyStopping.Read(metric, train, validation);
}
