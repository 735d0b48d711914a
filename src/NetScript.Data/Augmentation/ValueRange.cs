using static TorchSharp.torch;

namespace NetScript.Data;

/// <summary>The range of values real images take (from the training data), so photometric
/// augmentations clamp to it and treat <see cref="Low"/> as black — whatever preprocessing
/// did to the pixels (0–255, [0, 1] or standardized).</summary>
public sealed record ValueRange(double Low, double High)
{
    public double Width => High - Low;

    public static ValueRange Of(Tensor features)
    {
        if (features.numel() == 0) throw new DataException("cannot take the value range of an empty dataset");
        using var scope = NewDisposeScope();
        double low = features.min().to_type(ScalarType.Float64).item<double>();
        double high = features.max().to_type(ScalarType.Float64).item<double>();
        return new ValueRange(low, high > low ? high : low + 1);
    }
}
