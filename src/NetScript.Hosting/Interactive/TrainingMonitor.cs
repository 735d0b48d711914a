using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using NetScript.Hosting.Statistics;
using NetScript.Runtime.Events;

namespace NetScript.Hosting.Interactive;

/// <summary>Turns the run's event stream (on the worker thread) into what a UI polls: the
/// latest <see cref="TrainingSnapshot"/>, published as one immutable object per event, and a
/// queue of loggable events. Observing costs the trainer a record allocation and a queue
/// push — it never waits for the UI.</summary>
public sealed class TrainingMonitor : IRunObserver
{
    // A UI that stops draining must not grow memory without bound during a long run.
    const int MaxQueued = 10_000;

    readonly ConcurrentQueue<RunEvent> _events = new();
    readonly Stopwatch _active = new();
    readonly object _gate = new();
    TrainingSnapshot? _training;
    long _samples;
    bool _paused;

    /// <summary>The current or last training run; null before the first.</summary>
    public TrainingSnapshot? Training => Volatile.Read(ref _training);

    /// <summary>Events for the log, oldest first (progress ticks are not queued).</summary>
    public bool TryDequeue(out RunEvent? e) => _events.TryDequeue(out e);

    public void OnEvent(RunEvent e)
    {
        if (e is not TrainingProgress && _events.Count < MaxQueued) _events.Enqueue(e);
        lock (_gate)
        {
            switch (e)
            {
                case TrainingStarted t:
                    _samples = t.Samples;
                    _active.Restart();
                    if (_paused) _active.Stop();
                    Publish(new TrainingSnapshot(t.Model, t.Data, 1, t.Epochs, 0, t.StepsPerEpoch, null, null, null,
                        _paused ? JobState.Paused : JobState.Running, ImmutableList<EpochRecord>.Empty, ImmutableArray<LayerRow>.Empty));
                    break;
                case TrainingProgress p when _training is { } s:
                    Publish(WithRates(s with { Epoch = p.Epoch, Step = p.Step, LatestLoss = p.Loss }));
                    break;
                case EpochCompleted c when _training is { } s:
                    Publish(WithRates(s with
                    {
                        Epoch = c.Epoch,
                        Step = s.StepsPerEpoch,
                        History = s.History.Add(new EpochRecord(c.Epoch, c.Train, c.Validation)),
                    }));
                    break;
                case StatisticsSampled sample when _training is { } s:
                    Publish(s with { Layers = Rows(sample) });
                    break;
                case TrainingCompleted when _training is { } s:
                    _active.Stop();
                    Publish(s with { State = JobState.Completed, Remaining = TimeSpan.Zero });
                    break;
            }
        }
    }

    /// <summary>The table's rows from a statistics sample of the runtime (Statistics/).</summary>
    static ImmutableArray<LayerRow> Rows(StatisticsSampled sample) =>
        sample.Layers.Select(LayerRow.From).ToImmutableArray();

    /// <summary>Called by the runner: paused time counts neither for speed nor for the ETA.</summary>
    public void SetPaused(bool paused)
    {
        lock (_gate)
        {
            _paused = paused;
            if (_training is not { State: JobState.Running or JobState.Paused } s) return;
            if (paused) _active.Stop();
            else _active.Start();
            Publish(s with { State = paused ? JobState.Paused : JobState.Running });
        }
    }

    /// <summary>Forgets the last training (`:reset`); queued events stay for the log.</summary>
    public void Clear()
    {
        lock (_gate) Publish(null);
    }

    /// <summary>Marks a run that ended without <see cref="TrainingCompleted"/> (stopped or failed).</summary>
    public void Finish(JobState state)
    {
        lock (_gate)
        {
            _active.Stop();
            if (_training is { State: JobState.Running or JobState.Paused } s) Publish(s with { State = state, Remaining = null });
        }
    }

    TrainingSnapshot WithRates(TrainingSnapshot s)
    {
        double seconds = _active.Elapsed.TotalSeconds;
        double done = s.Fraction * s.Epochs * _samples;
        if (seconds <= 0 || done <= 0) return s;
        double rate = done / seconds;
        return s with { SamplesPerSecond = rate, Remaining = TimeSpan.FromSeconds((s.Epochs * _samples - done) / rate) };
    }

    void Publish(TrainingSnapshot? snapshot) => Volatile.Write(ref _training, snapshot);
}
