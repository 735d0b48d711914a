using NetScript.Data;
using NetScript.Runtime.Events;
using NetScript.Runtime.Execution;
using Tensorboard;
using static NetScript.Data.ResultsColumnType;

namespace NetScript.Runtime.Recording;

/// <summary>A training run's metrics in its folder: steps.parquet (every step's loss,
/// accuracy and learning rate) and epochs.parquet (every epoch's metrics, learning rate and
/// time), each epoch's rows appended as a row group after the epoch (<see cref="RecordTable"/>:
/// an interrupted run keeps every finished epoch, and memory holds one epoch's steps), plus the
/// folder's TensorBoard event file (one append per epoch). Written at epoch ends only, never
/// inside the step loop.</summary>
internal sealed class TrainingLog
{
    readonly string _directory;
    readonly EventFile _tensorboard;
    readonly RecordTable _steps;
    RecordTable? _epochs;

    TrainingLog(string directory)
    {
        _directory = directory;
        Directory.CreateDirectory(directory);
        _tensorboard = EventFile.Open(directory);
        _steps = new RecordTable(Path.Combine(directory, "steps.parquet"),
            new("epoch", Integer), new("step", Integer), new("loss", Real), new("accuracy", Real), new("lr", Real));
    }

    public static TrainingLog? Open(string? directory) => directory is null ? null : new TrainingLog(directory);

    /// <summary>The epoch's steps: mean loss and correct decisions of each, sample counts, and the
    /// learning rate of each step's update (also plotted per step when <paramref name="logRates"/>:
    /// a schedule changes it every update).</summary>
    public void AddSteps(int epoch, long firstStep, float[] losses, long[]? correct, Func<int, long> samples, long decisionsPerSample,
        Func<int, double> rates, bool logRates)
    {
        var events = new List<Event?>(losses.Length);
        for (int i = 0; i < losses.Length; i++)
        {
            long step = firstStep + i;
            double rate = rates(i);
            _steps.Add((long)epoch, step, (double)losses[i], correct is null ? double.NaN : correct[i] / (double)(samples(i) * decisionsPerSample), rate);
            events.Add(EventFile.Scalars(step, logRates ? [("train/step_loss", losses[i]), ("train/step_lr", rate)] : [("train/step_loss", losses[i])]));
        }
        _tensorboard.Append(events);
    }

    /// <summary>An epoch's metrics, plotted at <paramref name="globalStep"/> (its last step) so
    /// epoch and step curves share TensorBoard's x axis. The first call also writes the
    /// epochs before it (a resumed run's history).</summary>
    public void AddEpoch(EpochMetrics epoch, IReadOnlyList<EpochMetrics> history, long globalStep)
    {
        var scalars = new List<(string, double)>
        {
            ("train/loss", epoch.Train.Loss),
            ("train/accuracy", epoch.Train.Accuracy),
            ("val/loss", epoch.Validation?.Loss ?? double.NaN),
            ("val/accuracy", epoch.Validation?.Accuracy ?? double.NaN),
            ("val/top_k", epoch.Validation?.TopK ?? double.NaN),
            ("lr", epoch.LearningRate),
        };
        foreach (var (name, value) in epoch.Validation?.Custom ?? new Dictionary<string, double>())
            scalars.Add(("val/" + name, value));
        _tensorboard.Append([EventFile.Scalars(globalStep, scalars)]); // non-finite values are left out

        IEnumerable<EpochMetrics> rows = [epoch];
        if (_epochs is null)
        {
            _epochs = EpochsTable(history);
            rows = history;
        }
        // One column per C# metric, named as early_stop names it.
        string[] custom = _epochs.Columns.Skip(BaseEpochColumns.Length).Select(c => c.Name["val_".Length..]).ToArray();
        foreach (EpochMetrics e in rows)
            _epochs.Add([(long)e.Epoch, e.Train.Loss, e.Train.Accuracy, e.Validation?.Loss ?? double.NaN, e.Validation?.Accuracy ?? double.NaN,
                e.Validation?.TopK ?? double.NaN, e.LearningRate, e.Seconds,
                .. custom.Select(name => (object?)(e.Validation?.Custom?.GetValueOrDefault(name, double.NaN) ?? double.NaN))]);
        _epochs.Commit();
        _steps.Commit();
    }

    static readonly ResultsColumn[] BaseEpochColumns =
    [
        new("epoch", Integer), new("loss", Real), new("accuracy", Real), new("val_loss", Real), new("val_accuracy", Real),
        new("val_top_k", Real), new("lr", Real), new("seconds", Real),
    ];

    RecordTable EpochsTable(IReadOnlyList<EpochMetrics> history) => new(Path.Combine(_directory, "epochs.parquet"),
        [.. BaseEpochColumns, .. history.SelectMany(e => e.Validation?.Custom?.Keys ?? []).Distinct().Select(name => new ResultsColumn("val_" + name, Real))]);
}
