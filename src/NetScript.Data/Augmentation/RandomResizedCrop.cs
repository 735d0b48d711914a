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
        Tensor area = AugmentationMath.Uniform(b, scaleMin, scaleMax, generator) * (h * w);
        Tensor ratio = AugmentationMath.Uniform(b, Math.Log(ratioMin), Math.Log(ratioMax), generator).exp();
        Tensor width = (area * ratio).sqrt().clamp(1, w);                                    // (B) pixels
        Tensor height = (area / ratio).sqrt().clamp(1, h);
        Tensor left = rand(b, generator: generator) * (w - width);
        Tensor top = rand(b, generator: generator) * (h - height);
        // The window's centre relative to the image centre, and its size relative to the image.
        Tensor shift = stack([left + width / 2 - w / 2.0, top + height / 2 - h / 2.0], 1);   // (B, 2)
        Tensor zero = zeros(b);
        long outH = size ?? h, outW = size ?? w;
        Tensor matrix = AugmentationMath.Matrix(width / outW, zero, zero, height / outH);
        return AugmentationMath.Affine(batch, matrix, shift, GridSampleMode.Bilinear, 0, outH, outW).MoveToOuterDisposeScope();
    }
}
