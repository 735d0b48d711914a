using static NetScript.Language.Schema.OperationCategory;

namespace NetScript.Language.Schema;

/// <summary>Call-style option groups of statements: <c>early_stop(metric=val_acc, patience=3)</c>.
/// Their own class so a statement's table can refer to them whatever the field order.</summary>
public static class OptionGroupSchema
{
    /// <summary>Metrics a training run measures each epoch: `val_*` need `validate=`, `val_topk`
    /// needs `top_k=` (top-k is measured on validation data, not on training batches).</summary>
    public static readonly string[] Metrics = ["val_loss", "val_acc", "val_topk", "train_loss", "train_acc"];

    public static readonly OperationSpec EarlyStop = OperationSpec.Create("early_stop", Statement,
        "Stops training when a metric has not improved for `patience` epochs, and (by default) restores the weights of the best epoch.",
        Parameter.Metric("metric", "The metric watched after each epoch: " + string.Join(", ", Metrics.Select(m => $"`{m}`")) + ", or `val_NAME` of a C# metric (`val_*` need `validate=`; `val_topk` needs `top_k=`); `*_loss` is minimised, the built-in others maximised.", "val_loss"),
        Parameter.Int("patience", "Epochs without improvement before stopping.", 5, min: 1).In("epochs"),
        Parameter.Num("min_delta", "Smallest change that counts as an improvement.", 0.0, min: 0),
        Parameter.Choice("mode", "`min` for losses, `max` for accuracies; `auto` picks by the metric's name (a C# metric needs `min` or `max`).", "auto", "auto", "min", "max"),
        Parameter.Flag("restore_best", "Put back the weights of the best epoch when stopping or finishing.", true)) with
    {
        Example = "train m on train validate=val early_stop(metric=val_acc, patience=3)",
    };

}
