using static TorchSharp.torch;

namespace NetScript.Data;

/// <summary>Random resized crop (Inception, torchvision's RandomResizedCrop): a window
/// covering a fraction in [scaleMin, scaleMax] of the area with aspect ratio (width/height)
/// log-uniform in [ratioMin, ratioMax], resized bilinearly to size×size. Windows that would
/// not fit are clamped to the image instead of redrawn.</summary>
public sealed class RandomResizedCrop(int? size, double scaleMin, double scaleMax, double ratioMin, double ratioMax) : IAugmentation
{
    public string Kind => "resized_crop";

    public Tensor Apply(Tensor batch, Generator generator)
    {
        AugmentationMath.RequireImages(batch, Kind);
        long b = batch.shape[0], h = batch.shape[2], w = batch.shape[3];
        using var scope = NewDisposeScope();
        using var s = new ScalarScope();
        Tensor area = AugmentationMath.Uniform(b, scaleMin, scaleMax, generator, s).mul(s.Of(h * w));
        Tensor ratio = AugmentationMath.Uniform(b, Math.Log(ratioMin), Math.Log(ratioMax), generator, s).exp();
        Tensor width = (area * ratio).sqrt().clamp(s.Of(1), s.Of(w));                      // (B) pixels
        Tensor height = (area / ratio).sqrt().clamp(s.Of(1), s.Of(h));
        Tensor left = rand(b, generator: generator) * width.neg().Plus(w, s);              // u·(w − width)
        Tensor top = rand(b, generator: generator) * height.neg().Plus(h, s);
        // The window's centre relative to the image centre, and its size relative to the image.
        Tensor shift = stack([Centre(left, width, w, s), Centre(top, height, h, s)], 1);     // (B, 2)
        Tensor zero = zeros(b);
        long outH = size ?? h, outW = size ?? w;
        Tensor matrix = AugmentationMath.Matrix(width.div(s.Of(outW)), zero, zero, height.div(s.Of(outH)));
        return AugmentationMath.Affine(batch, matrix, shift, GridSampleMode.Bilinear, 0, s, outH, outW).MoveToOuterDisposeScope();
    }

    /// <summary>start + extent/2 − size/2: the window's centre from the image's, in pixels.</summary>
    static Tensor Centre(Tensor start, Tensor extent, long size, ScalarScope s) =>
        start.Plus(extent.div(s.Of(2)), s).sub(s.Of(size / 2.0));
}
