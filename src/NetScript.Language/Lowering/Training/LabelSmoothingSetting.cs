using NetScript.Language.Schema;

namespace NetScript.Language.Lowering;

/// <summary>Label smoothing (already folded into the loss by the checker).</summary>
public sealed record LabelSmoothingSetting(double Epsilon) : RegularizerSetting(RegularizationSchema.LabelSmoothing.Name)
{
    private protected override IEnumerable<(string Name, object? Value)> Values() => [("epsilon", Epsilon)];
}
