using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace NetScript.Data;

/// <summary>The operations of <see cref="RandAugment"/> on a batch of images, with
/// torchvision's magnitude ranges (at the strongest level): shear 0.3, translation 150/331 of
/// the size, rotation 30°, brightness/colour/contrast/sharpness ±0.9, posterize to 4 bits,
/// solarize above 0 (everything). Pixel-value operations work in the data's own range, as if
/// it were 0–255. Every number goes to libtorch as a scalar of <c>s</c> (see <see cref="ScalarScope"/>).</summary>
internal static class RandAugmentOperations
{
    /// <param name="signed">(B) signed level in [−1, 1] for each image.</param>
    /// <param name="level">Unsigned level m/30.</param>
    public static Tensor Apply(string operation, Tensor x, Tensor signed, double level, ValueRange range, ScalarScope s)
    {
        long b = x.shape[0];
        Tensor factor = signed.mul(s.Of(0.9)).Plus(1, s).view(b, 1, 1, 1); // 1 + 0.9·signed
        return operation switch
        {
            "autocontrast" => AutoContrast(x, range, s),
            "brightness" => Clamp(x.sub(s.Of(range.Low)).mul(factor).Plus(range.Low, s), range, s),
            "color" => Clamp(Blend(AugmentationMath.Grey(x), x, factor, s), range, s),
            "contrast" => Clamp(Blend(AugmentationMath.Grey(x).mean([2, 3], keepdim: true), x, factor, s), range, s),
            "sharpness" => Clamp(Blend(Smooth(x, s), x, factor, s), range, s),
            "posterize" => Posterize(x, 8 - (int)Math.Round(4 * level), range, s),
            "solarize" => Solarize(x, 1 - level, range, s),
            "rotate" => Rotate(x, signed.mul(s.Of(30 * Math.PI / 180)), range, s),
            "shear_x" => Geometric(x, AugmentationMath.Matrix(ones(b), signed.mul(s.Of(0.3)), zeros(b), ones(b)), zeros(b, 2), range, s),
            "shear_y" => Geometric(x, AugmentationMath.Matrix(ones(b), zeros(b), signed.mul(s.Of(0.3)), ones(b)), zeros(b, 2), range, s),
            "translate_x" => Geometric(x, Identity(b), stack([signed.mul(s.Of(150.0 / 331 * x.shape[3])), zeros(b)], 1), range, s),
            "translate_y" => Geometric(x, Identity(b), stack([zeros(b), signed.mul(s.Of(150.0 / 331 * x.shape[2]))], 1), range, s),
            _ => throw new ArgumentException($"no RandAugment operation `{operation}`", nameof(operation)),
        };
    }

    /// <summary>degenerate + (x − degenerate)·factor, as PIL's ImageEnhance.</summary>
    static Tensor Blend(Tensor degenerate, Tensor x, Tensor factor, ScalarScope s) => degenerate.Plus(x.sub(degenerate).mul(factor), s);

    static Tensor Clamp(Tensor x, ValueRange range, ScalarScope s) => AugmentationMath.Clamp(x, range, s);

    /// <summary>Stretches each channel of each image to the full range.</summary>
    static Tensor AutoContrast(Tensor x, ValueRange range, ScalarScope s)
    {
        Tensor low = x.amin([2, 3], keepdim: true), high = x.amax([2, 3], keepdim: true);
        Tensor spread = high - low;
        Tensor stretched = x.sub(low).div(spread.where(spread.gt(s.Of(0)), ones_like(spread))).mul(s.Of(range.Width)).Plus(range.Low, s);
        return where(spread.gt(s.Of(0)), stretched, x);
    }

    /// <summary>PIL's SMOOTH kernel [[1,1,1],[1,5,1],[1,1,1]]/13 per channel; the border keeps its pixels.</summary>
    static Tensor Smooth(Tensor x, ScalarScope s)
    {
        long c = x.shape[1], h = x.shape[2], w = x.shape[3];
        if (h < 3 || w < 3) return x;
        Tensor kernel = ones(3, 3).Plus(eye(3, 3).mul(s.Of(4)) * eye(3, 3).flip(1), s).div(s.Of(13)); // 5 at the centre
        Tensor inner = F.conv2d(x, kernel.view(1, 1, 3, 3).expand(c, 1, 3, 3).contiguous(), groups: c); // (B, C, H−2, W−2)
        Tensor smooth = x.clone();
        smooth[TensorIndex.Colon, TensorIndex.Colon, TensorIndex.Slice(1, h - 1), TensorIndex.Slice(1, w - 1)] = inner;
        return smooth;
    }

    static Tensor Posterize(Tensor x, int bits, ValueRange range, ScalarScope s)
    {
        double step = Math.Pow(2, 8 - bits);
        Tensor levels = x.sub(s.Of(range.Low)).div(s.Of(range.Width)).mul(s.Of(255)).round().clamp(s.Of(0), s.Of(255));
        return levels.div(s.Of(step)).floor().mul(s.Of(step)).div(s.Of(255)).mul(s.Of(range.Width)).Plus(range.Low, s);
    }

    static Tensor Solarize(Tensor x, double threshold, ValueRange range, ScalarScope s)
    {
        Tensor u = x.sub(s.Of(range.Low)).div(s.Of(range.Width));
        return where(u.ge(s.Of(threshold)), u.neg().Plus(1, s).mul(s.Of(range.Width)).Plus(range.Low, s), x); // (1 − u)·width + low above it
    }

    static Tensor Rotate(Tensor x, Tensor angle, ValueRange range, ScalarScope s)
    {
        Tensor cos = angle.cos(), sin = angle.sin();
        return Geometric(x, AugmentationMath.Matrix(cos, -sin, sin, cos), zeros(x.shape[0], 2), range, s);
    }

    static Tensor Identity(long b) => AugmentationMath.Matrix(ones(b), zeros(b), zeros(b), ones(b));

    // Nearest neighbour, as torchvision's RandAugment: values stay values the image had.
    static Tensor Geometric(Tensor x, Tensor matrix, Tensor shift, ValueRange range, ScalarScope s) =>
        AugmentationMath.Affine(x, matrix, shift, GridSampleMode.Nearest, range.Low, s);
}
