using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace NetScript.Data;

/// <summary>Per-image random draws, rectangle masks and affine resampling shared by the
/// augmentations; everything is vectorised over the batch. Like the augmentations, it passes
/// every number to libtorch as a scalar of the caller's <see cref="ScalarScope"/>.</summary>
internal static class AugmentationMath
{
    public static void RequireImages(Tensor batch, string kind)
    {
        if (batch.dim() != 4)
            throw new DataException($"augmentation `{kind}` works on images (B, C, H, W); this batch has shape [{string.Join(", ", batch.shape)}]");
    }

    /// <summary>(B) values uniform in [low, high).</summary>
    public static Tensor Uniform(long count, double low, double high, Generator generator, ScalarScope s) =>
        rand(count, dtype: ScalarType.Float32, generator: generator).mul(s.Of(high - low)).Plus(low, s);

    /// <summary>(B) booleans, true with probability p.</summary>
    public static Tensor Chance(long count, double p, Generator generator, ScalarScope s) => rand(count, generator: generator).lt(s.Of(p));

    /// <summary>(B, 1, H, W) true inside each image's rectangle [y0, y1) × [x0, x1).</summary>
    public static Tensor BoxMask(Tensor y0, Tensor y1, Tensor x0, Tensor x1, long height, long width, ScalarScope s)
    {
        long b = y0.shape[0];
        Tensor ys = Arange(height, s, y0.dtype).view(1, height);
        Tensor xs = Arange(width, s, x0.dtype).view(1, width);
        Tensor rows = (ys >= y0.view(b, 1)).logical_and(ys < y1.view(b, 1)); // (B, H)
        Tensor cols = (xs >= x0.view(b, 1)).logical_and(xs < x1.view(b, 1)); // (B, W)
        return rows.view(b, 1, height, 1).logical_and(cols.view(b, 1, 1, width));
    }

    /// <summary>Resamples each image through the affine map input = A·output + t, in pixels
    /// about the image centre (A (B, 2, 2), t (B, 2), x first). Outside the image reads
    /// <paramref name="fill"/>.</summary>
    public static Tensor Affine(Tensor batch, Tensor matrix, Tensor shift, GridSampleMode mode, double fill, ScalarScope s, long outHeight = -1, long outWidth = -1)
    {
        long b = batch.shape[0], c = batch.shape[1], h = batch.shape[2], w = batch.shape[3];
        outHeight = outHeight < 0 ? h : outHeight;
        outWidth = outWidth < 0 ? w : outWidth;
        // Normalised coordinates (align_corners=false) are pixels × 2/size, for input and output.
        Tensor a00 = matrix[.., 0, 0], a01 = matrix[.., 0, 1], a10 = matrix[.., 1, 0], a11 = matrix[.., 1, 1];
        Tensor theta = stack([
            stack([a00.mul(s.Of((double)outWidth / w)), a01.mul(s.Of((double)outHeight / w)), shift[.., 0].mul(s.Of(2.0 / w))], 1),
            stack([a10.mul(s.Of((double)outWidth / h)), a11.mul(s.Of((double)outHeight / h)), shift[.., 1].mul(s.Of(2.0 / h))], 1)], 1); // (B, 2, 3)
        Tensor grid = F.affine_grid(theta, [b, c, outHeight, outWidth], align_corners: false);
        return F.grid_sample(batch.sub(s.Of(fill)), grid, mode, GridSamplePaddingMode.Zeros, align_corners: false).Plus(fill, s);
    }

    /// <summary>0, 1, …, n − 1 (n): <c>arange(n)</c>, whose own 0 and 1 would be temporaries.</summary>
    public static Tensor Arange(long n, ScalarScope s, ScalarType? dtype = null) => arange(s.Of(0), s.Of(n), s.Of(1), dtype);

    /// <summary>x clamped to the data's range.</summary>
    public static Tensor Clamp(Tensor x, ValueRange range, ScalarScope s) => x.clamp(s.Of(range.Low), s.Of(range.High));

    /// <summary>(B, 2, 2) stacked from four (B) tensors.</summary>
    public static Tensor Matrix(Tensor a00, Tensor a01, Tensor a10, Tensor a11) =>
        stack([stack([a00, a01], 1), stack([a10, a11], 1)], 1);

    /// <summary>Each image's mean brightness (B, 1, 1, 1): the channel mean (luma for RGB).</summary>
    public static Tensor Grey(Tensor batch)
    {
        long c = batch.shape[1];
        if (c != 3) return batch.mean([1], keepdim: true);
        using Tensor luma = tensor(new float[] { 0.299f, 0.587f, 0.114f }).view(1, 3, 1, 1);
        return (batch * luma).sum(1, keepdim: true);
    }
}
