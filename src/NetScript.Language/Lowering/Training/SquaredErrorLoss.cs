using NetScript.Language.Schema;

namespace NetScript.Language.Lowering;

/// <summary>Mean squared error.</summary>
public sealed record SquaredErrorLoss() : LossSpec(LossSchema.Mse.Name)
{
    private protected override IEnumerable<(string Name, object? Value)> Values() => [];
}
