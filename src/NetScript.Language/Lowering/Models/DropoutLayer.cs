using NetScript.Language.Schema;

namespace NetScript.Language.Lowering;

/// <summary>Inverted dropout with drop probability <see cref="P"/>.</summary>
public sealed record DropoutLayer(double P) : LayerOperation(LayerSchema.Dropout.Name)
{
    private protected override IEnumerable<(string Name, object? Value)> Values() => [("p", P)];
}
