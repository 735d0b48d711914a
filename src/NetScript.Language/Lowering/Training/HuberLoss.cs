using NetScript.Language.Schema;

namespace NetScript.Language.Lowering;

/// <summary>Huber loss: quadratic within <see cref="Delta"/>, linear beyond.</summary>
public sealed record HuberLoss(double Delta) : LossSpec(LossSchema.Huber.Name)
{
    private protected override IEnumerable<(string Name, object? Value)> Values() => [("delta", Delta)];
}
