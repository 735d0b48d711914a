using NetScript.Language.Schema;

namespace NetScript.Language.Lowering;

/// <summary>CutMix with λ ~ Beta(α, α).</summary>
public sealed record CutMixSetting(double Alpha) : RegularizerSetting(RegularizationSchema.CutMix.Name)
{
    private protected override IEnumerable<(string Name, object? Value)> Values() => [("alpha", Alpha)];
}
