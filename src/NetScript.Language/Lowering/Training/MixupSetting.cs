using NetScript.Language.Schema;

namespace NetScript.Language.Lowering;

/// <summary>Mixup with λ ~ Beta(α, α).</summary>
public sealed record MixupSetting(double Alpha) : RegularizerSetting(RegularizationSchema.Mixup.Name)
{
    private protected override IEnumerable<(string Name, object? Value)> Values() => [("alpha", Alpha)];
}
