using NetScript.Language.Schema;

namespace NetScript.Language.Lowering;

/// <summary>The logistic loss averaged over all outputs.</summary>
public sealed record BinaryCrossEntropyLoss() : LossSpec(LossSchema.BinaryCrossEntropy.Name)
{
    private protected override IEnumerable<(string Name, object? Value)> Values() => [];
}
