using NetScript.Language.Schema;
using NetScript.Language.Semantics;

namespace NetScript.Language.Lowering;

/// <summary>A lowered learning-rate schedule (<see cref="ScheduleSchema"/> has the formulas),
/// with its linear warmup (null: none).</summary>
public abstract record ScheduleSpec(string Kind, Duration? Warmup) : PlanOperation(Kind)
{
    private protected override OperationCategory Category => OperationCategory.Schedule;

    /// <summary>Whether the curve ends with the training, so it changes with the training's length.</summary>
    public virtual bool SpansTraining => false;

    private protected abstract IEnumerable<(string Name, object? Value)> Own();

    private protected sealed override IEnumerable<(string Name, object? Value)> Values() => [.. Own(), ("warmup", Warmup)];
}
