using static NetScript.Language.Schema.OperationCategory;

namespace NetScript.Language.Schema;

/// <summary>Learning-rate schedules (<c>schedule KIND ARGS</c>). The learning rate is a closed
/// form of the optimizer update count u (a step is one optimizer update; with
/// <c>accumulate=k</c> that is k mini-batches), so a resumed run continues on the same
/// curve. lr₀ is the optimizer's <c>lr</c> (after the linear scaling rule). With
/// <c>warmup=W</c> the first W updates ramp linearly, lr = lr₀·(u+1)/W, and the schedule
/// then runs over the remaining updates as if training started there (PyTorch's
/// SequentialLR of a LinearLR warmup and the schedule): t = u − W of N = T − W, where T is
/// all updates of the `train` statement (epochs × updates per epoch).</summary>
public static class ScheduleSchema
{
    static ParameterSpec Warmup() => Parameter.Duration("warmup",
        "Linear warmup first: over W updates the rate rises as lr₀·(u+1)/W (`1 epoch`, `500 steps`); the schedule starts after it.");

    static ParameterSpec Gamma(string when, double @default) =>
        Parameter.Num("gamma", $"Factor the rate is multiplied by {when}.", @default, min: 0, max: 1, minExclusive: true);

    static ParameterSpec MinLr() =>
        Parameter.Num("min_lr", "The rate reached at the end of training.", 0.0, min: 0);

    public static readonly OperationSpec Constant = OperationSpec.Create("constant", Schedule,
        "Keeps the optimizer's rate (what trainings do without a `schedule`); with `warmup=` only the warmup changes it.",
        Warmup()) with { Example = "schedule constant warmup=2 epochs" };

    public static readonly OperationSpec Step = OperationSpec.Create("step", Schedule,
        "Step decay: lr = lr₀·γ^⌊t / every⌋, e.g. divide by 10 every 30 epochs.",
        Parameter.Duration("every", "How long each rate is kept: `10 epochs`, `1000 steps`.").AsRequired(),
        Gamma("after each period", 0.1),
        Warmup()) with { Example = "schedule step every=10 epochs gamma=0.1" };

    public static readonly OperationSpec MultiStep = OperationSpec.Create("multistep", Schedule,
        "Multi-step decay: the rate is multiplied by γ at each milestone epoch, lr = lr₀·γ^(milestones passed).",
        Parameter.Ints("milestones", "Epochs (counted after warmup) after which the rate drops, increasing: `[30, 60]`.", min: 1, max: Limits.Count).In("epochs").AsRequired(),
        Gamma("at each milestone", 0.1),
        Warmup()) with { Example = "schedule multistep milestones=[30, 60] gamma=0.1" };

    public static readonly OperationSpec Exponential = OperationSpec.Create("exponential", Schedule,
        "Exponential decay by γ per epoch, applied smoothly every update: lr = lr₀·γ^(t / updates per epoch).",
        Gamma("per epoch", 0.95),
        Warmup()) with { Example = "schedule exponential gamma=0.9" };

    public static readonly OperationSpec Cosine = OperationSpec.Create("cosine", Schedule,
        "Cosine annealing (Loshchilov & Hutter): lr = min_lr + (lr₀ − min_lr)·(1 + cos(π·t/N))/2, from lr₀ down to min_lr at the end of training; "
        + "with `cycle=` it restarts (SGDR, PyTorch's CosineAnnealingWarmRestarts): each cycle anneals from lr₀ to min_lr over its own length, "
        + "the first `cycle` long and each next one `cycle_mult` times longer, and the rate jumps back to lr₀ when a cycle ends.",
        Parameter.Num("min_lr", "The rate reached at the end of training (of each cycle, with `cycle=`).", 0.0, min: 0),
        Parameter.Duration("cycle", "Restart the annealing after this long (T₀): `10 epochs`, `500 steps`; a snapshot ensemble then takes one member per cycle."),
        Parameter.Int("cycle_mult", "Each cycle is this many times as long as the one before (T_mult; 1, equal cycles, when not given); needs `cycle=`.", min: 1, max: 100),
        Warmup()) with { Example = "schedule cosine warmup=1 epoch" };

    public static readonly OperationSpec Linear = OperationSpec.Create("linear", Schedule,
        "Linear decay: lr = lr₀ + (min_lr − lr₀)·t/N, from lr₀ down to min_lr at the end of training.",
        MinLr(),
        Warmup()) with { Example = "schedule linear warmup=500 steps" };

    public static readonly OperationSpec OneCycle = OperationSpec.Create("onecycle", Schedule,
        "One-cycle policy (Smith; PyTorch's OneCycleLR, two phases): the rate rises from max_lr/div_factor to max_lr over the first pct_start of all updates, "
        + "then anneals to max_lr/(div_factor·final_div_factor). It warms up by itself, so it takes no `warmup=`.",
        Parameter.Num("max_lr", "The peak rate; defaults to the optimizer's lr.", min: 0, minExclusive: true),
        Parameter.Num("pct_start", "Fraction of the updates spent rising.", 0.3, min: 0, max: 1, minExclusive: true),
        Parameter.Num("div_factor", "The starting rate is max_lr / div_factor.", 25.0, min: 1),
        Parameter.Num("final_div_factor", "The final rate is the starting rate / final_div_factor.", 1e4, min: 1),
        Parameter.Choice("anneal", "Shape of both phases: cosine or linear.", "cos", "cos", "linear")) with
    {
        Example = "schedule onecycle max_lr=0.1",
    };

    public static readonly OperationSpec ReduceOnPlateau = OperationSpec.Create("reduce_on_plateau", Schedule,
        "Reduce on plateau (Keras's ReduceLROnPlateau, PyTorch's ReduceLROnPlateau): after `patience` epochs in a row in which the watched metric did not improve by more than `min_delta`, "
        + "the rate is multiplied by `factor` (never below `min_lr`), then `cooldown` epochs pass before counting again. The rate changes only between epochs; "
        + "a resumed run replays the recorded epochs, so it continues at the same rate.",
        Parameter.Choice("metric", "The metric watched after each epoch (`val_*` need `validate=`, `*_acc` a loss that predicts classes); `*_loss` is minimised, `*_acc` maximised.",
            "val_loss", "val_loss", "val_acc", "train_loss", "train_acc"),
        Parameter.Num("factor", "Factor the rate is multiplied by on a plateau (1 never reduces it).", 0.1, min: 0, max: 1, minExclusive: true),
        Parameter.Int("patience", "Epochs in a row without improvement before the rate is reduced.", 10, min: 1, max: Limits.Count),
        Parameter.Num("min_delta", "The least change that counts as an improvement (absolute, as in Keras).", 1e-4, min: 0),
        Parameter.Int("cooldown", "Epochs after a reduction before epochs without improvement are counted again.", 0, min: 0, max: Limits.Count),
        Parameter.Num("min_lr", "The rate is never reduced below this.", 0.0, min: 0),
        Warmup()) with { Example = "schedule reduce_on_plateau metric=val_loss factor=0.5 patience=3" };

    public static IReadOnlyList<OperationSpec> All { get; } = [Constant, Step, MultiStep, Exponential, Cosine, Linear, OneCycle, ReduceOnPlateau];
}
