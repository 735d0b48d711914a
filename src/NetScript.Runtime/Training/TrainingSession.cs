using System.Diagnostics;
using NetScript.Language.Lowering;
using NetScript.Runtime.Events;
using NetScript.Runtime.Models;
using NetScript.Runtime.Recording;
using NetScript.Runtime.Recording.Checkpoints;
using NetScript.Runtime.Training.Losses;
using NetScript.Runtime.Training.Regularization;
using NetScript.Runtime.Training.Schedules;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetScript.Runtime.Training;

/// <summary>Everything one training run holds besides the step loop: loss, optimizer,
/// generators, the position (epoch and step), the metrics history, early stopping, the
/// best weights, checkpoints and logs. <see cref="Start"/> restores all of it from a
/// checkpoint when resuming, so the loop cannot tell a resumed run from an uninterrupted one.</summary>
internal sealed partial class TrainingSession : IDisposable
{
    TrainingSession(TrainRequest request)
    {
        Request = request;
        TrainPlan settings = request.Plan;
        Model = request.Model;
        string lossKey = settings.Loss.ToString();
        if (Model.Loss is null || Model.LossDescription != lossKey)
            Model.UseLoss(LossFactory.Create(settings.Loss, Model.Plan.Output, request.Data.Classes, request.Snippets), lossKey);
        Loss = Model.Loss!;
        Samples = request.Data.Count;
        bool dropsLast = settings.DropsLast(Samples);
        StepsPerEpoch = (int)EpochSize.Steps(Samples, settings.BatchSize, dropsLast);
        if (settings.MaxStepsPerEpoch is { } cap && cap < StepsPerEpoch)
        {
            // A capped epoch (--smoke) holds only full mini-batches.
            StepsPerEpoch = cap;
            dropsLast = true;
        }
        UpdatesPerEpoch = (StepsPerEpoch + settings.Accumulate - 1) / settings.Accumulate;
        SamplesPerEpoch = dropsLast ? (long)StepsPerEpoch * settings.BatchSize : Samples;
        BaseRate = settings.Optimizer.LearningRate * settings.LearningRateScale;
        // First: it may refuse the training (warmup too long) before anything is allocated.
        Schedule = settings.Schedule is { } schedule
            ? LearningRateSchedule.Create(schedule, BaseRate, UpdatesPerEpoch, (long)settings.Epochs * UpdatesPerEpoch, Model.Plan.Name)
            : null;
        var parameters = Model.Parameters.ToList();
        Regularizer = TrainingRegularizer.Create(settings.Regularization, Model, request.Data, request.Seed);
        // A transferred model's frozen layers stay out of the optimizer (no state, no update);
        // its pretrained layers may learn at lr × lr_mult.
        Optimizer = settings.FineTuning is { } fine
            ? OptimizerFactory.Create(settings.Optimizer, Model.TrainableParameters, settings.LearningRateScale, FineTuner.RateFactors(Model.Module, fine))
            : OptimizerFactory.Create(settings.Optimizer, parameters, settings.LearningRateScale);
        RateFactors = [.. Optimizer.ParamGroups.Select(g => BaseRate > 0 ? g.LearningRate / BaseRate : 1)];
        Clipper = new GradientClipper(parameters, settings.ClipNorm, settings.ClipValue);
        Shuffle = new Generator((ulong)request.Seed);
        EarlyStop = settings.EarlyStop is { } stop ? new EarlyStopping(stop) : null;
        Log = TrainingLog.Open(request.LogDirectory);
        Average = WeightAverage.Create(settings.Averaging, settings.Epochs, parameters);
    }

    /// <summary>`ema=` / `swa=`: the average of the weights kept beside training (null: none).</summary>
    public WeightAverage? Average { get; }

    public TrainRequest Request { get; }

    /// <summary>Each parameter group's factor of the scheduled rate (lr_mult of a transferred model).</summary>
    public List<double> RateFactors { get; }

    /// <summary>Gradual unfreezing (`transfer … unfreeze=N`): before epoch N + 1 the frozen layers
    /// join training, as new parameter groups at lr × lr_mult. True when it happened now.</summary>
    public bool UnfreezeIfDue() => FrozenEpochs is { } after && Epoch > after && Unfreeze();

    /// <summary>Resuming: a checkpoint written once the first unfrozen epoch began holds the
    /// unfrozen layers' optimizer group, so they are unfrozen before its state is read.</summary>
    void UnfreezeAsAt(int epoch, int step)
    {
        if (FrozenEpochs is { } after && (epoch > after + 1 || epoch == after + 1 && step > 0)) Unfreeze();
    }

    int? FrozenEpochs => Request.Plan.FineTuning?.UnfreezeAfter;

    bool Unfreeze()
    {
        if (_unfrozen) return false;
        _unfrozen = true;
        var fine = Request.Plan.FineTuning!;
        var parameters = FineTuner.ParametersOf(Module, fine.Frozen);
        FineTuner.Freeze(Module, [], fine.FreezeBatchNorm);
        if (parameters.Count == 0) return true;
        double factor = fine.LearningRateMultiplier;
        foreach (var group in OptimizerFactory.Groups(Request.Plan.Optimizer, parameters, BaseRate * factor))
        {
            Optimizer.add_param_group(group);
            RateFactors.Add(factor);
        }
        return true;
    }

    bool _unfrozen;

    public TrainedModel Model { get; }

    public nn.Module<Tensor, Tensor> Module => Model.Module;

    public LossFunction Loss { get; }

    public OptimizerHelper Optimizer { get; }

    public GradientClipper Clipper { get; }

    public Generator Shuffle { get; }

    public long Samples { get; }

    /// <summary>Samples the epoch's mini-batches hold: <see cref="Samples"/> less a dropped last batch.</summary>
    public long SamplesPerEpoch { get; }

    public int StepsPerEpoch { get; }

    /// <summary>Optimizer updates per epoch: one per window of `accumulate` mini-batches.</summary>
    public int UpdatesPerEpoch { get; }

    /// <summary>The optimizer's rate after the linear scaling rule (lr₀ of a schedule).</summary>
    public double BaseRate { get; }

    /// <summary>Sets the rate before each update; null keeps <see cref="BaseRate"/>.</summary>
    public LearningRateSchedule? Schedule { get; }

    public TrainingRegularizer Regularizer { get; }

    /// <summary>The epoch in progress or next to start, 1-based.</summary>
    public int Epoch { get; private set; } = 1;

    /// <summary>The next step within <see cref="Epoch"/>.</summary>
    public int Step { get; private set; }

    public List<EpochMetrics> History { get; private set; } = new();

    public EarlyStopping? EarlyStop { get; }

    public WeightSnapshot? BestModel { get; private set; }

    public WeightSnapshot? BestLoss { get; private set; }

    public string? LastCheckpoint { get; private set; }

    /// <summary>The checkpoint this run continued from, or null.</summary>
    public string? ResumedFrom { get; private set; }

    /// <summary>The newest checkpoint of this run's state: its own last one, else the one it resumed from.</summary>
    public string? LastGoodCheckpoint => LastCheckpoint ?? ResumedFrom;

    (int Epoch, int Step)? _saved;

    TrainingLog? Log { get; }

    EpochTensors? _resumed;

    public bool Finished => Epoch > Request.Plan.Epochs || EarlyStop is { ShouldStop: true };

    public double LearningRate => Optimizer.ParamGroups.First().LearningRate;

    // From the settings, not the live rate, which a schedule changes every update.
    public string OptimizerDescription => Request.Plan.LearningRateScale == 1
        ? Request.Plan.Optimizer.ToString()
        : $"{Request.Plan.Optimizer}, lr × {Request.Plan.LearningRateScale:G4} = {BaseRate:G4} (linear scaling rule)";

    /// <summary>The optimizer, and the schedule when there is one, as the start of training reports them.</summary>
    public string SetupDescription => Request.Plan.Schedule is { } schedule ? $"{OptimizerDescription}, schedule {schedule}" : OptimizerDescription;

    /// <summary>The optimizer update that mini-batch <paramref name="step"/> of the current epoch belongs to, counted over the training.</summary>
    public long Update(int step) => (long)(Epoch - 1) * UpdatesPerEpoch + step / Request.Plan.Accumulate;

    /// <summary>Mini-batch <paramref name="step"/> of the current epoch, counted over the training.</summary>
    public long BatchNumber(int step) => (long)(Epoch - 1) * StepsPerEpoch + step;

    /// <summary>The rate mini-batch <paramref name="step"/>'s update uses.</summary>
    double RateOf(int step) => Schedule?.At(Update(step)) ?? BaseRate;

    /// <summary>A model's identity for resuming: its input and layers.</summary>
    string PlanKey => Model.Plan.Key;

    public static TrainingSession Start(TrainRequest request)
    {
        var session = new TrainingSession(request);
        try
        {
            if (request.ResumeFrom is { } path) session.Resume(path);
            return session;
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>The epoch's order and result tensors: those of the interrupted epoch when
    /// resuming mid-epoch, otherwise a fresh (shuffled) order.</summary>
    public EpochTensors BeginEpoch()
    {
        if (_resumed is { } resumed)
        {
            _resumed = null;
            return resumed;
        }
        using var scope = NewDisposeScope();
        using var s = new ScalarScope();
        Tensor order = Request.Plan.Shuffle ? randperm(Samples, generator: Shuffle) : arange(s.Of(0), s.Of(Samples), s.Of(1)); // (N) int64
        return EpochTensors.Start(order, StepsPerEpoch);
    }

    public long BatchLength(int step) => Math.Min(Request.Plan.BatchSize, Samples - (long)step * Request.Plan.BatchSize);

    /// <summary>Records a finished epoch: validation (<paramref name="validate"/>), metrics, logs,
    /// early stopping, checkpoints; returns the validation's metrics. With `ema=`/`swa=` the
    /// average is what training produces: it is in the model once, for validation and for the
    /// weights restore_best and a snapshot ensemble keep.</summary>
    public Metrics? CompleteEpoch(EpochTensors epoch, Metrics train, Func<Metrics?> validate, Stopwatch clock, float[] losses, IRunObserver observer)
    {
        var (validation, improved) = Average is { } average ? average.With(() => Measure(train, validate)) : Measure(train, validate);
        var metrics = new EpochMetrics(Epoch, train, validation, LearningRate, clock.Elapsed.TotalSeconds);
        History.Add(metrics);
        int number = Epoch;
        long[]? correct = Loss.DecisionsPerSample > 0 ? epoch.Correct.data<long>().ToArray() : null;
        double[] rates = Enumerable.Range(0, losses.Length).Select(RateOf).ToArray();
        if (Schedule?.Plateau is { } plateau)
        {
            double before = plateau.Rate;
            if (plateau.Observe(train, validation)) // the next epoch's rate
                observer.OnEvent(new LearningRateReduced(Model.Plan.Name, number, plateau.Settings.Metric, plateau.Settings.Patience,
                    before, plateau.Rate));
        }
        Epoch++;
        Step = 0;
        // The checkpoint first: when the disk fills up, it is what the run must not lose.
        if (Request.CheckpointDirectory is { } directory)
        {
            Save(Path.Combine(directory, "last.ckpt"), null, observer);
            if (improved) CopyBest(Path.Combine(directory, "best.ckpt"));
        }
        try
        {
            Log?.AddSteps(number, (long)(number - 1) * StepsPerEpoch + 1, losses, correct, i => BatchLength(i), Loss.DecisionsPerSample,
                i => rates[i], logRates: Schedule is not null);
            Log?.AddEpoch(metrics, History, (long)number * StepsPerEpoch);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            string message = e is RecordingException ? e.Message : $"could not write the training log: {RecordingException.Reason(e)}";
            throw new RecordingException(message + KeptCheckpoint(), e);
        }
        return validation;
    }

    /// <summary>What reads the weights validation measures: validation itself, early stopping's
    /// verdict, the best epoch's weights (restore_best) and the epoch's weights a snapshot ensemble keeps.</summary>
    (Metrics? Validation, bool Improved) Measure(Metrics train, Func<Metrics?> validate)
    {
        Metrics? validation = validate();
        bool improved = EarlyStop?.Observe(Epoch, train, validation) ?? false;
        if (improved && EarlyStop!.Settings.RestoreBest) KeepBest(TakeWeights());
        // With a restarting schedule a snapshot ensemble takes one member per cycle: the epochs a cycle ends with.
        if (Request.Plan.KeepEpochs is { } keep && (Schedule is not { Cyclic: true } cyclic || cyclic.EndsCycle((long)Epoch * UpdatesPerEpoch)))
        {
            var (model, loss) = TakeWeights();
            _epochWeights.Enqueue(new EpochWeights(Epoch, model, loss));
            while (_epochWeights.Count > keep) _epochWeights.Dequeue().Dispose();
        }
        return (validation, improved);
    }

    /// <summary>Ctrl-C or stop: saves the exact position (mid-epoch) when the run has a
    /// checkpoint folder and its losses so far are finite; returns the file or null.</summary>
    public string? Interrupt(EpochTensors epoch, int step, IRunObserver observer)
    {
        Step = step;
        if (Request.CheckpointDirectory is not { } directory || step == 0 && History.Count == 0 && Epoch == 1) return null;
        if (step > 0 && epoch.LossesUpTo(step).Any(l => !float.IsFinite(l))) return null; // keep the last good one
        Save(Path.Combine(directory, "last.ckpt"), epoch, observer);
        return LastCheckpoint;
    }

    /// <summary>Puts the best epoch's weights back when early stopping asks to.</summary>
    public int? RestoreBest()
    {
        if (EarlyStop is not { Settings.RestoreBest: true } stop || BestModel is null || stop.BestEpoch == History[^1].Epoch) return null;
        BestModel.RestoreInto(Module);
        BestLoss!.RestoreInto(Loss);
        return stop.BestEpoch;
    }

    void KeepBest((WeightSnapshot Model, WeightSnapshot Loss) best) => KeepBest(best.Model, best.Loss);

    (WeightSnapshot Model, WeightSnapshot Loss) TakeWeights() => (WeightSnapshot.Take(Module), WeightSnapshot.Take(Loss));

    readonly Queue<EpochWeights> _epochWeights = new();

    /// <summary>Hands over the last epochs' weights kept for a snapshot ensemble (`KeepEpochs`), oldest first.</summary>
    public IReadOnlyList<EpochWeights> TakeEpochWeights()
    {
        var kept = _epochWeights.ToList();
        _epochWeights.Clear();
        return kept;
    }

    public void KeepBest(WeightSnapshot model, WeightSnapshot loss)
    {
        BestModel?.Dispose();
        BestLoss?.Dispose();
        BestModel = model;
        BestLoss = loss;
    }

    public void Dispose()
    {
        _resumed?.Dispose();
        Average?.Dispose();
        foreach (var weights in _epochWeights) weights.Dispose();
        Regularizer.Dispose();
        BestModel?.Dispose();
        BestLoss?.Dispose();
        Optimizer.Dispose();
        Shuffle.Dispose();
    }
}
