using NetScript.Language.Schema;

namespace NetScript.Language.Lowering;

/// <summary>A random window of random area and aspect ratio, resized to size×size.</summary>
public sealed record ResizedCropAugmentation(long? Size, double ScaleMin, double ScaleMax, double RatioMin, double RatioMax) : AugmentationSpec(AugmentationSchema.ResizedCrop.Name)
{
    private protected override IEnumerable<(string Name, object? Value)> Values() => [("size", Size), ("scale_min", ScaleMin), ("scale_max", ScaleMax), ("ratio_min", RatioMin), ("ratio_max", RatioMax)];
}
