using NetScript.Language.Schema;

namespace NetScript.Language.Lowering;

/// <summary>The multi-class SVM loss (Weston–Watkins), squared or not.</summary>
public sealed record HingeLoss(bool Squared, double Margin) : LossSpec(Squared ? LossSchema.SquaredHinge.Name : LossSchema.Hinge.Name)
{
    private protected override IEnumerable<(string Name, object? Value)> Values() => [("margin", Margin)];
}
