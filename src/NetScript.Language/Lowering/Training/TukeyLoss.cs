using NetScript.Language.Schema;

namespace NetScript.Language.Lowering;

/// <summary>Tukey's biweight with cut-off <see cref="C"/>.</summary>
public sealed record TukeyLoss(double C) : LossSpec(LossSchema.Tukey.Name)
{
    private protected override IEnumerable<(string Name, object? Value)> Values() => [("c", C)];
}
