using static TorchSharp.torch;

namespace NetScript.Data;

/// <summary>RandAugment (Cubuk et al. 2020): <c>n</c> rounds; in each, every image gets one
/// operation chosen uniformly from <see cref="Operations"/>, all at magnitude <c>m</c> of 30
/// with a random sign where the operation has one (torchvision's ranges at its default 31
/// bins). Photometric results are clamped to the training data's range, geometric ones fill
/// uncovered pixels with black (<see cref="ValueRange.Low"/>). Histogram equalisation is left out.</summary>
public sealed class RandAugment(int n, int m, ValueRange range) : IAugmentation
{
    public const int MaxMagnitude = 30;

    public static IReadOnlyList<string> Operations { get; } =
    [
        "identity", "autocontrast", "brightness", "color", "contrast", "sharpness", "posterize", "solarize",
        "rotate", "shear_x", "shear_y", "translate_x", "translate_y",
    ];

    public string Kind => "randaugment";

    public Tensor Apply(Tensor batch, Generator generator)
    {
        AugmentationMath.RequireImages(batch, Kind);
        long b = batch.shape[0];
        using var scope = NewDisposeScope();
        using var s = new ScalarScope();
        Tensor result = batch;
        double level = (double)m / MaxMagnitude;
        for (int round = 0; round < n; round++)
        {
            Tensor choice = randint(0, Operations.Count, [b], generator: generator);            // (B)
            Tensor sign = where(rand(b, generator: generator).lt(s.Of(0.5)), -ones(b), ones(b)); // (B)
            for (int op = 0; op < Operations.Count; op++)
            {
                Tensor index = choice.eq(s.Of(op)).nonzero().flatten();
                if (index.numel() == 0 || op == 0) continue;
                Tensor images = result.index_select(0, index);
                Tensor changed = RandAugmentOperations.Apply(Operations[op], images, sign.index_select(0, index).mul(s.Of(level)), level, range, s);
                result = result.index_copy(0, index, changed);
            }
        }
        return (ReferenceEquals(result, batch) ? batch.clone() : result).MoveToOuterDisposeScope();
    }
}
