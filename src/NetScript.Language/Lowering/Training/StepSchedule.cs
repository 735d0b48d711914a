using NetScript.Language.Schema;
using NetScript.Language.Semantics;

namespace NetScript.Language.Lowering;

/// <summary>The rate times <see cref="Gamma"/> after every <see cref="Every"/>.</summary>
public sealed record StepSchedule(Duration Every, double Gamma, Duration? Warmup) : ScheduleSpec(ScheduleSchema.Step.Name, Warmup)
{
    private protected override IEnumerable<(string Name, object? Value)> Own() => [("every", Every), ("gamma", Gamma)];
}
