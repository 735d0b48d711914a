using NetScript.Language.Schema;

namespace NetScript.Language.Lowering;

/// <summary>Mean absolute error.</summary>
public sealed record AbsoluteErrorLoss() : LossSpec(LossSchema.L1.Name)
{
    private protected override IEnumerable<(string Name, object? Value)> Values() => [];
}
