using NetScript.Language.Schema;

namespace NetScript.Language.Lowering;

/// <summary>An activation without arguments: sigmoid, tanh, relu or selu.</summary>
public sealed record ActivationLayer(string Kind, Activation Function) : LayerOperation(Kind)
{
    private protected override IEnumerable<(string Name, object? Value)> Values() => [];
}
