using NetScript.Language.Schema;

namespace NetScript.Language.Lowering;

/// <summary>Softmax over the features of a flat input (B, F): the model outputs probabilities.</summary>
public sealed record SoftmaxLayer() : LayerOperation(LayerSchema.Softmax.Name)
{
    private protected override IEnumerable<(string Name, object? Value)> Values() => [];
}
