using NetScript.Language.Schema;
using NetScript.Language.Semantics;

namespace NetScript.Language.Lowering;

/// <summary>The rate times <see cref="Gamma"/> per epoch, smoothly.</summary>
public sealed record ExponentialSchedule(double Gamma, Duration? Warmup) : ScheduleSpec(ScheduleSchema.Exponential.Name, Warmup)
{
    private protected override IEnumerable<(string Name, object? Value)> Own() => [("gamma", Gamma)];
}
