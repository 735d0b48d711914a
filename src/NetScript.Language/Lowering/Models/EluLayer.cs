using NetScript.Language.Schema;

namespace NetScript.Language.Lowering;

/// <summary>ELU with saturation value −<see cref="Alpha"/>.</summary>
public sealed record EluLayer(double Alpha) : LayerOperation(ActivationSchema.Elu.Name)
{
    private protected override IEnumerable<(string Name, object? Value)> Values() => [("alpha", Alpha)];
}
