using NetScript.Language.Schema;

namespace NetScript.Language.Lowering;

/// <summary>The logistic loss summed over a sample's labels, averaged over samples.</summary>
public sealed record MultiLabelLogisticLoss() : LossSpec(LossSchema.MultiLabelLogistic.Name)
{
    private protected override IEnumerable<(string Name, object? Value)> Values() => [];
}
