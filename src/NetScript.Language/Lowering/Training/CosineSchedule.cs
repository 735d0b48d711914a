using NetScript.Language.Schema;
using NetScript.Language.Semantics;

namespace NetScript.Language.Lowering;

/// <summary>Cosine annealing from the optimizer's rate to <see cref="MinLr"/> at the end of
/// training, or, with <see cref="Cycle"/>, over each cycle with warm restarts (SGDR): cycle i
/// lasts <see cref="Cycle"/>·<see cref="CycleMult"/>^i.</summary>
public sealed record CosineSchedule(double MinLr, Duration? Warmup) : ScheduleSpec(ScheduleSchema.Cosine.Name, Warmup)
{
    /// <summary>The first cycle's length (T₀); null anneals once over the whole training.</summary>
    public Duration? Cycle { get; init; }

    /// <summary>How many times longer each cycle is than the one before (T_mult).</summary>
    public int CycleMult { get; init; } = 1;

    public override bool SpansTraining => Cycle is null;

    private protected override IEnumerable<(string Name, object? Value)> Own() =>
        [("min_lr", MinLr), ("cycle", Cycle), ("cycle_mult", Cycle is null ? null : CycleMult)];
}
