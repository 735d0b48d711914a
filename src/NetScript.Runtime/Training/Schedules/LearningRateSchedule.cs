using NetScript.Language.Diagnostics;
using NetScript.Language.Schema;
using NetScript.Language.Lowering;
using TorchSharp.Modules;

namespace NetScript.Runtime.Training.Schedules;

/// <summary>A lowered schedule resolved for one training: the learning rate of every
/// optimizer update u in closed form (<see cref="ScheduleSchema"/> has the formulas), so the
/// rate depends on nothing but u and a resumed run continues on the same curve. Warmup
/// takes the first <see cref="Warmup"/> updates; the schedule's curve then runs over the
/// remaining ones, as PyTorch's SequentialLR(LinearLR, schedule) does.</summary>
internal sealed class LearningRateSchedule
{
    readonly Func<long, double> _curve;

    LearningRateSchedule(Func<long, double> curve, double baseRate, long warmup, long total, string description, Plateau? plateau = null,
        (long First, int Mult)? cycle = null)
    {
        _curve = curve;
        _cycle = cycle;
        Plateau = plateau;
        BaseRate = baseRate;
        Warmup = warmup;
        Total = total;
        Description = description;
    }

    /// <summary>lr₀: the optimizer's rate after the linear scaling rule.</summary>
    public double BaseRate { get; }

    /// <summary>Updates of linear warmup (0 without).</summary>
    public long Warmup { get; }

    /// <summary>Updates of the whole training (epochs × updates per epoch).</summary>
    public long Total { get; }

    /// <summary>The reduce-on-plateau state, lowered between epochs (null for the closed-form schedules).</summary>
    public Plateau? Plateau { get; }

    /// <summary>What a resumed run must match: the settings and the updates they were resolved for.</summary>
    public string Description { get; }

    /// <param name="baseRate">lr₀, the optimizer's rate (times the linear scaling rule).</param>
    /// <param name="updatesPerEpoch">Optimizer updates per epoch (mini-batches / accumulate, rounded up).</param>
    /// <param name="total">Optimizer updates of the whole training.</param>
    public static LearningRateSchedule Create(ScheduleSpec settings, double baseRate, long updatesPerEpoch, long total, string model)
    {
        long warmup = settings.Warmup?.Updates(updatesPerEpoch) ?? 0;
        if (warmup >= total)
        {
            throw new RuntimeFailure($"warmup of {settings.Warmup} is longer than the training", DiagnosticCatalog.WarmupTooLong,
                [settings.Warmup, warmup, model, total]);
        }
        long n = total - warmup; // updates the curve spans, ≥ 1
        Plateau? plateau = settings is PlateauSchedule p ? new Plateau(p, baseRate) : null;
        Func<long, double> curve = settings switch
        {
            ConstantSchedule => _ => baseRate,
            StepSchedule step => Step(baseRate, step.Gamma, step.Every.Updates(updatesPerEpoch)),
            MultiStepSchedule multi => MultiStep(baseRate, multi.Gamma, multi.Milestones.Select(m => m * updatesPerEpoch).ToArray()),
            ExponentialSchedule exponential => Exponential(baseRate, exponential.Gamma, updatesPerEpoch),
            CosineSchedule { Cycle: { } cycle } cosine => Restarts(baseRate, cosine.MinLr, cycle.Updates(updatesPerEpoch), cosine.CycleMult),
            CosineSchedule cosine => Cosine(baseRate, cosine.MinLr, n),
            LinearSchedule linear => Linear(baseRate, linear.MinLr, n),
            OneCycleSchedule cycle => OneCycle.Curve(cycle.MaxLr ?? baseRate, cycle.PctStart, cycle.DivFactor, cycle.FinalDivFactor,
                cycle.Anneal == Anneal.Cos, total),
            PlateauSchedule => _ => plateau!.Rate,
            _ => throw new RuntimeFailure($"schedule `{settings.Kind}` has no runtime implementation"),
        };
        // Curves that end with the training change when the training's length does; the others only with the epoch's.
        bool spansTraining = settings.SpansTraining;
        string resolved = $"{settings}: {updatesPerEpoch} updates per epoch" + (warmup > 0 ? $", {warmup} of warmup" : "")
            + (spansTraining ? $", {total} in all" : "");
        (long, int)? restarts = settings is CosineSchedule { Cycle: { } first } restarting ? (first.Updates(updatesPerEpoch), restarting.CycleMult) : null;
        return new LearningRateSchedule(curve, baseRate, warmup, total, resolved, plateau, restarts);
    }

    // Cosine with warm restarts: the first cycle's updates and the factor of each next one.
    readonly (long First, int Mult)? _cycle;

    /// <summary>Whether the rate restarts in cycles (`schedule cosine cycle=`).</summary>
    public bool Cyclic => _cycle is not null;

    /// <summary>Whether a cycle ends with update <paramref name="updates"/> − 1, i.e. the update
    /// after <paramref name="updates"/> updates starts a new cycle (false without cycles).</summary>
    public bool EndsCycle(long updates) =>
        _cycle is { } cycle && updates > Warmup && Cycle(updates - Warmup, cycle.First, cycle.Mult).Position == 0;

    /// <summary>Where update <paramref name="t"/> (counted after warmup) falls: its cycle's length
    /// T_i = first·mult^i and its position T_cur in it (PyTorch's CosineAnnealingWarmRestarts).</summary>
    static (long Length, long Position) Cycle(long t, long first, int mult)
    {
        if (mult == 1) return (first, t % first);
        long start = 0, length = first;
        while (t >= start + length)
        {
            start += length;
            length *= mult;
        }
        return (length, t - start);
    }

    /// <summary>The rate of update <paramref name="update"/> (0-based, counted over the whole training).</summary>
    public double At(long update) => update < Warmup ? BaseRate * (update + 1) / Warmup : _curve(update - Warmup);

    /// <summary>Sets every parameter group's rate for the coming update: host arithmetic only.
    /// <paramref name="factors"/> scales each group's (discriminative rates; null: all 1).</summary>
    public void Apply(OptimizerHelper optimizer, long update, IReadOnlyList<double>? factors = null)
    {
        double rate = At(update);
        int i = 0;
        foreach (ParamGroup group in optimizer.ParamGroups)
            group.LearningRate = rate * (factors is not null && i < factors.Count ? factors[i++] : 1);
    }

    static Func<long, double> Step(double baseRate, double gamma, long every) =>
        t => baseRate * Math.Pow(gamma, t / every);

    static Func<long, double> MultiStep(double baseRate, double gamma, long[] milestones) =>
        t => baseRate * Math.Pow(gamma, milestones.Count(m => m <= t));

    static Func<long, double> Exponential(double baseRate, double gamma, long updatesPerEpoch) =>
        t => baseRate * Math.Pow(gamma, (double)t / updatesPerEpoch);

    static Func<long, double> Linear(double baseRate, double minRate, long n) =>
        t => baseRate + (minRate - baseRate) * t / n;

    /// <summary>SGDR: lr = min + (lr₀ − min)·(1 + cos(π·T_cur/T_i))/2 within each cycle.</summary>
    static Func<long, double> Restarts(double baseRate, double minRate, long first, int mult) => t =>
    {
        var (length, position) = Cycle(t, first, mult);
        return minRate + (baseRate - minRate) * (1 + Math.Cos(Math.PI * position / length)) / 2;
    };

    static Func<long, double> Cosine(double baseRate, double minRate, long n) =>
        t => minRate + (baseRate - minRate) * (1 + Math.Cos(Math.PI * t / n)) / 2;
}
