using static NetScript.Language.Schema.OperationCategory;

namespace NetScript.Language.Schema;

public static class LayerSchema
{
    public static readonly OperationSpec Dense = OperationSpec.Create("dense", Layer,
        "Fully connected (affine) layer: y = xWᵀ + b, on a flat input.",
        P.Int("units", "Output width.", min: 1).AsPositional().AsRequired(),
        P.Flag("bias", "Learn an additive bias.", true)) with { Example = "dense 100 -> relu" };

    public static readonly OperationSpec Relu = OperationSpec.Create("relu", Layer,
        "Rectified linear unit max(0, x): no saturation for x > 0, converges fast; units can die at high learning rates.")
        with { Example = "dense 100 -> relu" };

    public static IReadOnlyList<OperationSpec> All { get; } = [Dense, Relu];
}
