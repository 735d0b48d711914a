using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using NetScript.Hosting.Statistics;
using NetScript.Language.Semantics;
using NetScript.Runtime.Events;
using NetScript.Runtime.Search;

namespace NetScript.Hosting.Interactive;

/// <summary>Turns the run's event stream (on the worker thread) into what a UI polls: the
/// latest <see cref="TrainingSnapshot"/> and, while a search runs or after it, the latest
/// <see cref="SearchSnapshot"/> (its leaderboard), each published as one immutable object per
/// event, and a queue of loggable events. Observing costs the trainer a record allocation and a queue
/// push — it never waits for the UI.</summary>
public sealed class TrainingMonitor : IRunObserver
{
    // A UI that stops draining must not grow memory without bound during a long run.
    const int MaxQueued = 10_000;

    readonly ConcurrentQueue<RunEvent> _events = new();
    readonly Stopwatch _active = new();
    readonly object _gate = new();
    TrainingSnapshot? _training;
    SearchSnapshot? _search;
    // The current search's finished trials, in the order they finished.
    readonly List<TrialResult> _trials = new();
    long _samples;
    bool _paused;

    /// <summary>The current or last training run; null before the first.</summary>
    public TrainingSnapshot? Training => Volatile.Read(ref _training);

    /// <summary>The running search, or the last one until a training starts; null otherwise.
    /// A search's trials train without reporting epochs here, so while it runs this is what
    /// a UI shows.</summary>
    public SearchSnapshot? Search => Volatile.Read(ref _search);

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
                    PublishSearch(null);   // a training after a search takes over the pane
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
                case SearchStarted started:
                    _trials.Clear();
                    PublishSearch(new SearchSnapshot(started.Plan.Kind, started.Plan.Metric, started.Plan.Maximize,
                        [.. started.Plan.Space.Select(d => d.Name)], started.Total, 1, Math.Max(1, started.Plan.Rounds), JobState.Running, []));
                    break;
                case SearchRoundStarted round when _search is { } search:
                    PublishSearch(search with { Round = round.Round, Rounds = round.Rounds });
                    break;
                case TrialCompleted trial when _search is { } search:
                    _trials.Add(trial.Result);
                    PublishSearch(search with { Total = trial.Total, Ranked = Rows(trial.Plan, TrialRanking.Rank(_trials, trial.Plan.Maximize)) });
                    break;
                case SearchCompleted done when _search is { } search:
                    PublishSearch(search with { State = JobState.Completed, Ranked = Rows(done.Plan, done.Ranked) });
                    break;
            }
        }
    }

    /// <summary>The table's rows from a statistics sample of the runtime (Statistics/).</summary>
    static ImmutableArray<LayerRow> Rows(StatisticsSampled sample) =>
        sample.Layers.Select(LayerRow.From).ToImmutableArray();

    /// <summary>The leaderboard's rows from the runtime's ranked trials (Search/TrialRanking orders them).</summary>
    static ImmutableArray<TrialRow> Rows(SearchPlan plan, IEnumerable<TrialResult> ranked) =>
        ranked.Select(r => new TrialRow(r,
            [.. plan.Space.Select(d => r.Trial.Values.TryGetValue(d.Name, out Value? v) ? TrialValues.Format(v) : "-")])).ToImmutableArray();

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

    /// <summary>Forgets the last training and search (`:reset`); queued events stay for the log.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            Publish(null);
            PublishSearch(null);
        }
    }

    /// <summary>Marks a run that ended without <see cref="TrainingCompleted"/> or
    /// <see cref="SearchCompleted"/> (stopped or failed).</summary>
    public void Finish(JobState state)
    {
        lock (_gate)
        {
            _active.Stop();
            if (_training is { State: JobState.Running or JobState.Paused } s) Publish(s with { State = state, Remaining = null });
            if (_search is { State: JobState.Running } search) PublishSearch(search with { State = state });
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

    void PublishSearch(SearchSnapshot? snapshot) => Volatile.Write(ref _search, snapshot);
}
