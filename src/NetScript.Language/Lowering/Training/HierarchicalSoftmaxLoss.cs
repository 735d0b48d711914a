using NetScript.Language.Schema;

namespace NetScript.Language.Lowering;

/// <summary>Hierarchical softmax over the classes; owns its output layer.</summary>
public sealed record HierarchicalSoftmaxLoss() : LossSpec(LossSchema.HierarchicalSoftmax.Name)
{
    private protected override IEnumerable<(string Name, object? Value)> Values() => [];
}
