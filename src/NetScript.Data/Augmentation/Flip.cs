using static TorchSharp.torch;

namespace NetScript.Data;

/// <summary>Mirrors each image with probability p: left–right (horizontal) or top–bottom.</summary>
public sealed class Flip(bool horizontal, double p) : IAugmentation
{
    public string Kind => "flip";

    public Tensor Apply(Tensor batch, Generator generator)
    {
        AugmentationMath.RequireImages(batch, Kind);
        using var scope = NewDisposeScope();
        using var s = new ScalarScope();
        Tensor flip = AugmentationMath.Chance(batch.shape[0], p, generator, s).view(-1, 1, 1, 1);
        return where(flip, batch.flip(horizontal ? 3 : 2), batch).MoveToOuterDisposeScope();
    }
}
