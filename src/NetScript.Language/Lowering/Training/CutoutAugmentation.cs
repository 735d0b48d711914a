using NetScript.Language.Schema;

namespace NetScript.Language.Lowering;

/// <summary>A size×size square filled with <see cref="Value"/>, with probability <see cref="P"/>.</summary>
public sealed record CutoutAugmentation(long Size, double P, double Value) : AugmentationSpec(AugmentationSchema.Cutout.Name)
{
    private protected override IEnumerable<(string Name, object? Value)> Values() => [("size", Size), ("p", P), ("value", Value)];
}
