using static NetScript.Language.Schema.OperationCategory;

namespace NetScript.Language.Schema;

/// <summary>Call-style option groups of statements: <c>early_stop(metric=val_acc, patience=3)</c>.
/// Their own class so a statement's table can refer to them whatever the field order.</summary>
public static class OptionGroupSchema
{
    public static readonly OperationSpec EarlyStop = OperationSpec.Create("early_stop", Statement,
        "Stops training when the metric has not improved for `patience` epochs and keeps the best weights.",
        P.Metric("metric", "The metric watched; `*_loss` is minimised, anything else maximised.", "val_loss"),
        P.Int("patience", "Epochs without improvement before stopping.", 3, min: 0).In("epochs"),
        P.Num("min_delta", "Smallest change that counts as an improvement.", 0.0, min: 0)) with
    {
        Example = "train mlp on train validate=val early_stop(metric=val_acc, patience=3)",
        Planned = true,
    };
}
