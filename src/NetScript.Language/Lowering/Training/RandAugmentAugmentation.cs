using NetScript.Language.Schema;

namespace NetScript.Language.Lowering;

/// <summary>RandAugment: <see cref="N"/> random operations per image at magnitude <see cref="M"/>.</summary>
public sealed record RandAugmentAugmentation(long N, long M) : AugmentationSpec(AugmentationSchema.RandAugment.Name)
{
    private protected override IEnumerable<(string Name, object? Value)> Values() => [("n", N), ("m", M)];
}
