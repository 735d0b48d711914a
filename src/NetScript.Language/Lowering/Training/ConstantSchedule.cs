using NetScript.Language.Schema;
using NetScript.Language.Semantics;

namespace NetScript.Language.Lowering;

/// <summary>The optimizer's rate throughout (after any warmup).</summary>
public sealed record ConstantSchedule(Duration? Warmup) : ScheduleSpec(ScheduleSchema.Constant.Name, Warmup)
{
    private protected override IEnumerable<(string Name, object? Value)> Own() => [];
}
