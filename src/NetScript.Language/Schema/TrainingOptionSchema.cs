using static NetScript.Language.Schema.OperationCategory;

namespace NetScript.Language.Schema;

/// <summary>Settings groups of <c>train</c>, written as calls: <c>early_stop(metric=val_acc, patience=3)</c>.</summary>
public static class TrainingOptionSchema
{
    /// <summary>Metrics a run measures; `val_*` need `validate=`, `*topk` need `top_k=`.</summary>
    public static readonly string[] Metrics = ["val_loss", "val_acc", "val_topk", "loss", "acc", "topk"];

    public static readonly OperationSpec EarlyStop = OperationSpec.Create("early_stop", TrainingOption,
        "Stops training when a metric has not improved for `patience` epochs, and (by default) restores the weights of the best epoch.",
        P.Choice("metric", "The metric watched after each epoch (`val_*` need `validate=`; `topk` needs `top_k=`).", "val_loss", Metrics),
        P.Int("patience", "Epochs without improvement before stopping.", 5, min: 1).In("epochs"),
        P.Num("min_delta", "Smallest change that counts as an improvement.", 0.0, min: 0),
        P.Choice("mode", "`min` for losses, `max` for accuracies; `auto` picks by the metric's name.", "auto", "auto", "min", "max"),
        P.Flag("restore_best", "Put back the weights of the best epoch when stopping or finishing.", true)) with
    {
        Example = "train m on train validate=val early_stop(metric=val_acc, patience=3)",
    };

    public static IReadOnlyList<OperationSpec> All { get; } = [EarlyStop];
}
