using NetScript.Language.Schema;
using NetScript.Language.Semantics;

namespace NetScript.Language.Lowering;

/// <summary>The rate times <see cref="Gamma"/> after each milestone epoch.</summary>
public sealed record MultiStepSchedule(System.Collections.Immutable.ImmutableArray<long> Milestones, double Gamma, Duration? Warmup) : ScheduleSpec(ScheduleSchema.MultiStep.Name, Warmup)
{
    private protected override IEnumerable<(string Name, object? Value)> Own() => [("milestones", Milestones), ("gamma", Gamma)];
}
