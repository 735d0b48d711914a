using NetScript.Language.Schema;

namespace NetScript.Language.Lowering;

/// <summary>Random brightness and contrast changes.</summary>
public sealed record JitterAugmentation(double Brightness, double Contrast) : AugmentationSpec(AugmentationSchema.Jitter.Name)
{
    private protected override IEnumerable<(string Name, object? Value)> Values() => [("brightness", Brightness), ("contrast", Contrast)];
}
