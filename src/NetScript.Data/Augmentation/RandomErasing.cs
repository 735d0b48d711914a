using static TorchSharp.torch;

namespace NetScript.Data;

/// <summary>Random erasing (Zhong et al. 2017): with probability p, a rectangle covering a
/// fraction in [areaMin, areaMax] of the image, with aspect ratio (height/width) log-uniform
/// in [ratioMin, ratioMax] and lying inside the image, is set to <c>value</c>. Rectangles
/// larger than the image are clamped to it instead of redrawn.</summary>
public sealed class RandomErasing(double p, double areaMin, double areaMax, double ratioMin, double ratioMax, double value) : IAugmentation
{
    public string Kind => "erase";

    public Tensor Apply(Tensor batch, Generator generator)
    {
        AugmentationMath.RequireImages(batch, Kind);
        long b = batch.shape[0], h = batch.shape[2], w = batch.shape[3];
        using var scope = NewDisposeScope();
        Tensor area = AugmentationMath.Uniform(b, areaMin, areaMax, generator) * (h * w);
        Tensor ratio = AugmentationMath.Uniform(b, Math.Log(ratioMin), Math.Log(ratioMax), generator).exp();
        Tensor height = (area * ratio).sqrt().round().clamp(1, h).to_type(ScalarType.Int64);
        Tensor width = (area / ratio).sqrt().round().clamp(1, w).to_type(ScalarType.Int64);
        Tensor top = (rand(b, generator: generator) * (h - height + 1)).floor().to_type(ScalarType.Int64);
        Tensor left = (rand(b, generator: generator) * (w - width + 1)).floor().to_type(ScalarType.Int64);
        Tensor mask = AugmentationMath.BoxMask(top, top + height, left, left + width, h, w)
            .logical_and(AugmentationMath.Chance(b, p, generator).view(b, 1, 1, 1));
        return batch.masked_fill(mask, value).MoveToOuterDisposeScope();
    }
}
