using NetScript.Language.Schema;

namespace NetScript.Language.Lowering;

/// <summary>The hinge loss summed over a sample's labels, averaged over samples.</summary>
public sealed record MultiLabelHingeLoss(double Margin) : LossSpec(LossSchema.MultiLabelHinge.Name)
{
    private protected override IEnumerable<(string Name, object? Value)> Values() => [("margin", Margin)];
}
