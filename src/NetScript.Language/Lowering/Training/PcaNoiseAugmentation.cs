using NetScript.Language.Schema;

namespace NetScript.Language.Lowering;

/// <summary>AlexNet's PCA colour noise with per-image factors ~ N(0, std²).</summary>
public sealed record PcaNoiseAugmentation(double Std) : AugmentationSpec(AugmentationSchema.PcaNoise.Name)
{
    private protected override IEnumerable<(string Name, object? Value)> Values() => [("std", Std)];
}
