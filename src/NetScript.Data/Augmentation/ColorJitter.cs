using static TorchSharp.torch;

namespace NetScript.Data;

/// <summary>Colour jitter (simple version): brightness — each image scaled by a
/// factor in [1 − brightness, 1 + brightness] away from black (<see cref="ValueRange.Low"/>);
/// then contrast — scaled by a factor in [1 − contrast, 1 + contrast] about its mean
/// brightness. Results are clamped to the training data's range.</summary>
public sealed class ColorJitter(double brightness, double contrast, ValueRange range) : IAugmentation
{
    public string Kind => "jitter";

    public Tensor Apply(Tensor batch, Generator generator)
    {
        AugmentationMath.RequireImages(batch, Kind);
        long b = batch.shape[0];
        using var scope = NewDisposeScope();
        using var s = new ScalarScope();
        Tensor brighter = AugmentationMath.Uniform(b, 1 - brightness, 1 + brightness, generator, s).view(b, 1, 1, 1);
        Tensor steeper = AugmentationMath.Uniform(b, 1 - contrast, 1 + contrast, generator, s).view(b, 1, 1, 1);
        Tensor x = batch.sub(s.Of(range.Low)).mul(brighter).Plus(range.Low, s);             // (x − low)·f + low
        Tensor mean = AugmentationMath.Grey(x).mean([2, 3], keepdim: true);                  // (B, 1, 1, 1)
        x = x.sub(mean).mul(steeper).Plus(mean, s);
        return AugmentationMath.Clamp(x, range, s).MoveToOuterDisposeScope();
    }
}
