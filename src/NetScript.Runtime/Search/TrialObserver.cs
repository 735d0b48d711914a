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

    public bool Pruned => PruneMessage is not null;

    /// <summary>Judges the trial after every epoch (or, on folds, every fold); null: no pruning.</summary>
    public TrialPruner? Pruner { get; init; }

    /// <summary>Why the pruner stopped the trial (null: it did not).</summary>
    public string? PruneMessage { get; private set; }

    readonly List<double> _foldScores = new();

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
                if (_fold == 0) Judge(Pruner?.Report(fold: false, c.Epoch, epoch.Value));
                break;
            case FoldCompleted f:
                _foldScores.Add(Read(f.Result.Train, f.Result.Validation));
                if (f.Result.Fold < f.K) Judge(Pruner?.Report(fold: true, f.Result.Fold, _foldScores.Average()));
                break;
            case TrainingCompleted t:
                LastTraining = t;
                TrainingSeconds += t.Elapsed.TotalSeconds;
                break;
            case CrossValidationCompleted cv:
                LastCrossValidation = cv;
                _foldScores.Clear();
                break;
        }
    }

    void Judge(string? pruned)
    {
        if (pruned is null) return;
        PruneMessage = pruned;
        throw new TrialPrunedException(pruned);
    }

    public double Read(Metrics train, Metrics? validation) =>
        metric.StartsWith("val_", StringComparison.Ordinal) && validation is null ? double.NaN : EarlyStopping.Read(metric, train, validation);
}
