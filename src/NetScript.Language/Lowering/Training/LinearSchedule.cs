using NetScript.Language.Schema;
using NetScript.Language.Semantics;

namespace NetScript.Language.Lowering;

/// <summary>A straight line from the optimizer's rate to <see cref="MinLr"/> at the end of training.</summary>
public sealed record LinearSchedule(double MinLr, Duration? Warmup) : ScheduleSpec(ScheduleSchema.Linear.Name, Warmup)
{
    public override bool SpansTraining => true;

    private protected override IEnumerable<(string Name, object? Value)> Own() => [("min_lr", MinLr)];
}
