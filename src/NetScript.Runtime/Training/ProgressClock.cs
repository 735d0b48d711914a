using System.Diagnostics;
using NetScript.Runtime.Events;
using static TorchSharp.torch;

namespace NetScript.Runtime.Training;

/// <summary>Reads the latest loss back to the host a few times a second (the loop's only
/// sync inside an epoch): for progress events, and to stop early on NaN/Inf.</summary>
internal sealed class ProgressClock(TrainingSession run, TimeSpan interval)
{
    readonly Stopwatch _total = Stopwatch.StartNew();
    readonly Stopwatch _sinceTick = Stopwatch.StartNew();
    readonly Stopwatch _epoch = new();
    readonly long _startStep = (long)(run.Epoch - 1) * run.StepsPerEpoch + run.Step;

    /// <summary>The step this session started the current epoch at (nonzero after a mid-epoch resume).</summary>
    public int FirstStepOfEpoch { get; private set; }

    public void BeginEpoch()
    {
        FirstStepOfEpoch = run.Step;
        _epoch.Restart();
    }

    public void Tick(int step, Tensor loss, EpochTensors epoch, IRunObserver observer)
    {
        if (_sinceTick.Elapsed < interval) return;
        _sinceTick.Restart();
        float current = loss.item<float>();
        if (!float.IsFinite(current))
        {
            float[] losses = epoch.LossesUpTo(step + 1);
            int first = Array.FindIndex(losses, l => !float.IsFinite(l));
            throw new NonFiniteLossException(run.Model.Plan.Name, losses[first], run.Epoch, first + 1, run.LastCheckpoint);
        }
        var settings = run.Request.Plan;
        long done = (long)(run.Epoch - 1) * run.StepsPerEpoch + step + 1 - _startStep;
        long remainingSteps = (long)settings.Epochs * run.StepsPerEpoch - _startStep - done;
        double seen = (double)(step + 1 - FirstStepOfEpoch) * settings.BatchSize;
        var remaining = TimeSpan.FromSeconds(_total.Elapsed.TotalSeconds / done * remainingSteps);
        observer.OnEvent(new TrainingProgress(run.Model.Plan.Name, run.Epoch, settings.Epochs, step + 1, run.StepsPerEpoch, current,
            seen / _epoch.Elapsed.TotalSeconds, remaining));
    }
}
