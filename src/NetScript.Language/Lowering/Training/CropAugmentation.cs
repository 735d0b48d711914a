using NetScript.Language.Schema;

namespace NetScript.Language.Lowering;

/// <summary>A random size×size window of the image padded by <see cref="Pad"/> (null size: the image size).</summary>
public sealed record CropAugmentation(long? Size, long Pad, CropFill Mode) : AugmentationSpec(AugmentationSchema.Crop.Name)
{
    private protected override IEnumerable<(string Name, object? Value)> Values() => [("size", Size), ("pad", Pad), ("mode", Mode)];
}
