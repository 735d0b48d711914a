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
        using var s = new ScalarScope();
        Tensor area = AugmentationMath.Uniform(b, areaMin, areaMax, generator, s).mul(s.Of(h * w));
        Tensor ratio = AugmentationMath.Uniform(b, Math.Log(ratioMin), Math.Log(ratioMax), generator, s).exp();
        Tensor height = (area * ratio).sqrt().round().clamp(s.Of(1), s.Of(h)).to_type(ScalarType.Int64);
        Tensor width = (area / ratio).sqrt().round().clamp(s.Of(1), s.Of(w)).to_type(ScalarType.Int64);
        Tensor top = (rand(b, generator: generator) * height.neg().Plus(h, s).Plus(1, s)).floor().to_type(ScalarType.Int64); // ⌊u·(h − height + 1)⌋
        Tensor left = (rand(b, generator: generator) * width.neg().Plus(w, s).Plus(1, s)).floor().to_type(ScalarType.Int64);
        Tensor mask = AugmentationMath.BoxMask(top, top.Plus(height, s), left, left.Plus(width, s), h, w, s)
            .logical_and(AugmentationMath.Chance(b, p, generator, s).view(b, 1, 1, 1));
        return batch.masked_fill(mask, s.Of(value)).MoveToOuterDisposeScope();
    }
}
