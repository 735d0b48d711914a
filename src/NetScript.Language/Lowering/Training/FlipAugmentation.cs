using NetScript.Language.Schema;

namespace NetScript.Language.Lowering;

/// <summary>Mirrors an image with probability <see cref="P"/>.</summary>
public sealed record FlipAugmentation(FlipDirection Direction, double P) : AugmentationSpec(AugmentationSchema.Flip.Name)
{
    private protected override IEnumerable<(string Name, object? Value)> Values() => [("direction", Direction), ("p", P)];
}
