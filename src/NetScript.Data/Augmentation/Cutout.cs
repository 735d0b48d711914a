using static TorchSharp.torch;

namespace NetScript.Data;

/// <summary>Cutout (DeVries &amp; Taylor 2017): with probability p, a size×size square centred
/// on a random pixel is set to <c>value</c>; near the border part of it falls outside.</summary>
public sealed class Cutout(int size, double p, double value) : IAugmentation
{
    public string Kind => "cutout";

    public Tensor Apply(Tensor batch, Generator generator)
    {
        AugmentationMath.RequireImages(batch, Kind);
        long b = batch.shape[0], h = batch.shape[2], w = batch.shape[3];
        using var scope = NewDisposeScope();
        Tensor top = randint(0, h, [b], generator: generator) - size / 2;
        Tensor left = randint(0, w, [b], generator: generator) - size / 2;
        Tensor mask = AugmentationMath.BoxMask(top, top + size, left, left + size, h, w)
            .logical_and(AugmentationMath.Chance(b, p, generator).view(b, 1, 1, 1));
        return batch.masked_fill(mask, value).MoveToOuterDisposeScope();
    }
}
