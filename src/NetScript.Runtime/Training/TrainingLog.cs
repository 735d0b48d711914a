using NetScript.Data.Tables;
using NetScript.Runtime.Events;
using NetScript.Runtime.TensorBoard;
using Tensorboard;

namespace NetScript.Runtime.Training;

/// <summary>A training run's metrics in its folder: steps.parquet (every step's loss,
/// accuracy and learning rate) and epochs.parquet (every epoch's metrics, learning rate and time), both
/// rewritten atomically after each epoch so an interrupted run keeps what it measured, plus
/// a TensorBoard event file (one append per epoch). Written at epoch ends only, never
/// inside the step loop.</summary>
internal sealed class TrainingLog
{
    readonly string _directory;
    readonly EventFile _tensorboard;
    readonly List<int> _stepEpochs = new();
    readonly List<long> _steps = new();
    readonly List<double> _stepLosses = new();
    readonly List<double> _stepAccuracies = new();
    readonly List<double> _stepRates = new();

    TrainingLog(string directory)
    {
        _directory = directory;
        Directory.CreateDirectory(directory);
        _tensorboard = new EventFile(directory);
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
            _stepEpochs.Add(epoch);
            _steps.Add(step);
            _stepLosses.Add(losses[i]);
            _stepAccuracies.Add(correct is null ? double.NaN : correct[i] / (double)(samples(i) * decisionsPerSample));
            _stepRates.Add(rates(i));
            events.Add(EventFile.Scalars(step, logRates ? [("train/step_loss", losses[i]), ("train/step_lr", _stepRates[^1])] : [("train/step_loss", losses[i])]));
        }
        _tensorboard.Append(events);
    }

    /// <summary>An epoch's metrics, plotted at <paramref name="globalStep"/> (its last step) so
    /// epoch and step curves share TensorBoard's x axis.</summary>
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

        double[] Column(Func<EpochMetrics, double?> read) => history.Select(e => read(e) ?? double.NaN).ToArray();
        var epochs = new ColumnTable()
            .Add("epoch", history.Select(e => e.Epoch).ToArray())
            .Add("loss", Column(e => e.Train.Loss))
            .Add("accuracy", Column(e => e.Train.Accuracy))
            .Add("val_loss", Column(e => e.Validation?.Loss))
            .Add("val_accuracy", Column(e => e.Validation?.Accuracy))
            .Add("val_top_k", Column(e => e.Validation?.TopK))
            .Add("lr", Column(e => e.LearningRate))
            .Add("seconds", Column(e => e.Seconds));
        // One column per C# metric, named as early_stop names it.
        foreach (string name in history.SelectMany(e => e.Validation?.Custom?.Keys ?? []).Distinct())
            epochs.Add("val_" + name, Column(e => e.Validation?.Custom?.GetValueOrDefault(name, double.NaN)));
        Write("epochs.parquet", epochs);
        Write("steps.parquet", new ColumnTable()
            .Add("epoch", _stepEpochs.ToArray())
            .Add("step", _steps.ToArray())
            .Add("loss", _stepLosses.ToArray())
            .Add("accuracy", _stepAccuracies.ToArray())
            .Add("lr", _stepRates.ToArray()));
    }

    void Write(string file, ColumnTable table)
    {
        string target = Path.Combine(_directory, file);
        string temp = target + ".tmp";
        table.WriteParquet(temp);
        File.Move(temp, target, overwrite: true);
    }
}
