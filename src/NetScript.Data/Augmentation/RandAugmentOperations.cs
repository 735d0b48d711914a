using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace NetScript.Data;

/// <summary>The operations of <see cref="RandAugment"/> on a batch of images, with
/// torchvision's magnitude ranges (at the strongest level): shear 0.3, translation 150/331 of
/// the size, rotation 30°, brightness/colour/contrast/sharpness ±0.9, posterize to 4 bits,
/// solarize above 0 (everything). Pixel-value operations work in the data's own range, as if
/// it were 0–255.</summary>
internal static class RandAugmentOperations
{
    /// <param name="signed">(B) signed level in [−1, 1] for each image.</param>
    /// <param name="level">Unsigned level m/30.</param>
    public static Tensor Apply(string operation, Tensor x, Tensor signed, double level, ValueRange range)
    {
        long b = x.shape[0];
        Tensor factor = (1 + 0.9 * signed).view(b, 1, 1, 1);
        return operation switch
        {
            "autocontrast" => AutoContrast(x, range),
            "brightness" => Clamp((x - range.Low) * factor + range.Low, range),
            "color" => Clamp(Blend(AugmentationMath.Grey(x), x, factor), range),
            "contrast" => Clamp(Blend(AugmentationMath.Grey(x).mean([2, 3], keepdim: true), x, factor), range),
            "sharpness" => Clamp(Blend(Smooth(x), x, factor), range),
            "posterize" => Posterize(x, 8 - (int)Math.Round(4 * level), range),
            "solarize" => Solarize(x, 1 - level, range),
            "rotate" => Rotate(x, signed * (30 * Math.PI / 180), range),
            "shear_x" => Geometric(x, AugmentationMath.Matrix(ones(b), 0.3 * signed, zeros(b), ones(b)), zeros(b, 2), range),
            "shear_y" => Geometric(x, AugmentationMath.Matrix(ones(b), zeros(b), 0.3 * signed, ones(b)), zeros(b, 2), range),
            "translate_x" => Geometric(x, Identity(b), stack([signed * (150.0 / 331 * x.shape[3]), zeros(b)], 1), range),
            "translate_y" => Geometric(x, Identity(b), stack([zeros(b), signed * (150.0 / 331 * x.shape[2])], 1), range),
            _ => throw new ArgumentException($"no RandAugment operation `{operation}`", nameof(operation)),
        };
    }

    /// <summary>degenerate + (x − degenerate)·factor, as PIL's ImageEnhance.</summary>
    static Tensor Blend(Tensor degenerate, Tensor x, Tensor factor) => degenerate + (x - degenerate) * factor;

    static Tensor Clamp(Tensor x, ValueRange range) => x.clamp(range.Low, range.High);

    /// <summary>Stretches each channel of each image to the full range.</summary>
    static Tensor AutoContrast(Tensor x, ValueRange range)
    {
        Tensor low = x.amin([2, 3], keepdim: true), high = x.amax([2, 3], keepdim: true);
        Tensor spread = high - low;
        Tensor stretched = (x - low) / spread.where(spread > 0, ones_like(spread)) * range.Width + range.Low;
        return where(spread > 0, stretched, x);
    }

    /// <summary>PIL's SMOOTH kernel [[1,1,1],[1,5,1],[1,1,1]]/13 per channel; the border keeps its pixels.</summary>
    static Tensor Smooth(Tensor x)
    {
        long c = x.shape[1], h = x.shape[2], w = x.shape[3];
        if (h < 3 || w < 3) return x;
        Tensor kernel = (ones(3, 3) + 4 * eye(3, 3) * eye(3, 3).flip(1)) / 13; // 5 at the centre
        Tensor inner = F.conv2d(x, kernel.view(1, 1, 3, 3).expand(c, 1, 3, 3).contiguous(), groups: c); // (B, C, H−2, W−2)
        Tensor smooth = x.clone();
        smooth[TensorIndex.Colon, TensorIndex.Colon, TensorIndex.Slice(1, h - 1), TensorIndex.Slice(1, w - 1)] = inner;
        return smooth;
    }

    static Tensor Posterize(Tensor x, int bits, ValueRange range)
    {
        double step = Math.Pow(2, 8 - bits);
        Tensor levels = ((x - range.Low) / range.Width * 255).round().clamp(0, 255);
        return (levels / step).floor() * step / 255 * range.Width + range.Low;
    }

    static Tensor Solarize(Tensor x, double threshold, ValueRange range)
    {
        Tensor u = (x - range.Low) / range.Width;
        return where(u >= threshold, (1 - u) * range.Width + range.Low, x);
    }

    static Tensor Rotate(Tensor x, Tensor angle, ValueRange range)
    {
        Tensor cos = angle.cos(), sin = angle.sin();
        return Geometric(x, AugmentationMath.Matrix(cos, -sin, sin, cos), zeros(x.shape[0], 2), range);
    }

    static Tensor Identity(long b) => AugmentationMath.Matrix(ones(b), zeros(b), zeros(b), ones(b));

    // Nearest neighbour, as torchvision's RandAugment: values stay values the image had.
    static Tensor Geometric(Tensor x, Tensor matrix, Tensor shift, ValueRange range) =>
        AugmentationMath.Affine(x, matrix, shift, GridSampleMode.Nearest, range.Low);
}
