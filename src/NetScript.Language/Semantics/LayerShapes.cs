namespace NetScript.Language.Semantics;

/// <summary>Per-layer shape and parameter rules, matching what the runtime builds (the
/// summary's counts are tested against TorchSharp's).</summary>
public static class LayerShapes
{
    /// <summary>The output shape for <paramref name="input"/>, or null with a reason.</summary>
    public static Shape? Output(LayerDefinition layer, Shape input, out string? error)
    {
        error = null;
        switch (layer.Kind)
        {
            case "dense":
                if (input.Rank != 1)
                {
                    error = "`dense` needs a flat input (one dimension); add `flatten` before it";
                    return null;
                }
                return Shape.Of((int)layer.Arguments.Int("units"));
            case "relu":
                return input;
            default:
                error = $"no shape rule for `{layer.Kind}`";
                return null;
        }
    }

    public static long Parameters(LayerDefinition layer, Shape input) => layer.Kind switch
    {
        "dense" => input.Elements * layer.Arguments.Int("units") + (layer.Arguments.Flag("bias") ? layer.Arguments.Int("units") : 0),
        _ => 0,
    };
}
