using NetScript.Language.Schema;

namespace NetScript.Language.Lowering;

/// <summary>The one-cycle policy: up from max_lr / div_factor to <see cref="MaxLr"/> (the
/// optimizer's rate when null), then down to the start / final_div_factor. It has no warmup.</summary>
public sealed record OneCycleSchedule(double? MaxLr, double PctStart, double DivFactor, double FinalDivFactor, Anneal Anneal)
    : ScheduleSpec(ScheduleSchema.OneCycle.Name, null)
{
    public override bool SpansTraining => true;

    private protected override IEnumerable<(string Name, object? Value)> Own() =>
        [("max_lr", MaxLr), ("pct_start", PctStart), ("div_factor", DivFactor), ("final_div_factor", FinalDivFactor), ("anneal", Anneal)];
}
