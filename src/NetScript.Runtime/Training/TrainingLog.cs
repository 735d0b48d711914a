using NetScript.Data.Tables;
using NetScript.Runtime.Events;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetScript.Runtime.Training;

/// <summary>A run's metrics on disk: metrics/NAME.steps.parquet (every step's loss and
/// accuracy) and metrics/NAME.epochs.parquet (every epoch's metrics, learning rate and time),
/// both rewritten atomically after each epoch so an interrupted run keeps what it measured,
/// plus TensorBoard event files in tensorboard/NAME (TorchSharp's SummaryWriter). Written at
/// epoch ends only, never inside the step loop.</summary>
internal sealed class TrainingLog
{
    readonly string _metrics;
    readonly string _name;
    readonly SummaryWriter _tensorboard;
    readonly List<int> _stepEpochs = new();
    readonly List<long> _steps = new();
    readonly List<double> _stepLosses = new();
    readonly List<double> _stepAccuracies = new();

    TrainingLog(string directory, string name)
    {
        _metrics = Path.Combine(directory, "metrics");
        _name = name;
        Directory.CreateDirectory(_metrics);
        _tensorboard = utils.tensorboard.SummaryWriter(Path.Combine(directory, "tensorboard", name));
    }

    public static TrainingLog? Open(string? directory, string name) => directory is null ? null : new TrainingLog(directory, name);

    /// <summary>The epoch's steps: mean loss and correct decisions of each, and sample counts.</summary>
    public void AddSteps(int epoch, long firstStep, float[] losses, long[]? correct, Func<int, long> samples, long decisionsPerSample)
    {
        for (int i = 0; i < losses.Length; i++)
        {
            long step = firstStep + i;
            _stepEpochs.Add(epoch);
            _steps.Add(step);
            _stepLosses.Add(losses[i]);
            _stepAccuracies.Add(correct is null ? double.NaN : correct[i] / (double)(samples(i) * decisionsPerSample));
            _tensorboard.add_scalar("train/step_loss", losses[i], (int)step);
        }
    }

    public void AddEpoch(EpochMetrics epoch, IReadOnlyList<EpochMetrics> history)
    {
        void Scalar(string tag, double? value)
        {
            if (value is { } v && double.IsFinite(v)) _tensorboard.add_scalar(tag, (float)v, epoch.Epoch);
        }
        Scalar("train/loss", epoch.Train.Loss);
        Scalar("train/accuracy", epoch.Train.Accuracy);
        Scalar("val/loss", epoch.Validation?.Loss);
        Scalar("val/accuracy", epoch.Validation?.Accuracy);
        Scalar("val/top_k", epoch.Validation?.TopK);
        Scalar("lr", epoch.LearningRate);

        double[] Column(Func<EpochMetrics, double?> read) => history.Select(e => read(e) ?? double.NaN).ToArray();
        Write($"{_name}.epochs.parquet", new ColumnTable()
            .Add("epoch", history.Select(e => e.Epoch).ToArray())
            .Add("loss", Column(e => e.Train.Loss))
            .Add("accuracy", Column(e => e.Train.Accuracy))
            .Add("val_loss", Column(e => e.Validation?.Loss))
            .Add("val_accuracy", Column(e => e.Validation?.Accuracy))
            .Add("val_top_k", Column(e => e.Validation?.TopK))
            .Add("lr", Column(e => e.LearningRate))
            .Add("seconds", Column(e => e.Seconds)));
        Write($"{_name}.steps.parquet", new ColumnTable()
            .Add("epoch", _stepEpochs.ToArray())
            .Add("step", _steps.ToArray())
            .Add("loss", _stepLosses.ToArray())
            .Add("accuracy", _stepAccuracies.ToArray()));
    }

    void Write(string file, ColumnTable table)
    {
        string target = Path.Combine(_metrics, file);
        string temp = target + ".tmp";
        table.WriteParquet(temp);
        File.Move(temp, target, overwrite: true);
    }
}
