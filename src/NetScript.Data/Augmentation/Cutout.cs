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
        using var s = new ScalarScope();
        Tensor top = randint(0, h, [b], generator: generator).sub(s.Of(size / 2));        // (B) int64
        Tensor left = randint(0, w, [b], generator: generator).sub(s.Of(size / 2));
        Tensor mask = AugmentationMath.BoxMask(top, top.Plus(size, s), left, left.Plus(size, s), h, w, s)
            .logical_and(AugmentationMath.Chance(b, p, generator, s).view(b, 1, 1, 1));
        return batch.masked_fill(mask, s.Of(value)).MoveToOuterDisposeScope();
    }
}
