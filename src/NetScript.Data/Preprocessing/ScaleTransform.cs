using static TorchSharp.torch;

namespace NetScript.Data;

/// <summary>Multiplies by a constant (<c>scale 1/255</c> maps 8-bit pixels to [0, 1]); it
/// has no statistics, so there is nothing to fit.</summary>
public sealed class ScaleTransform(double factor) : FittedTransform(Name, [new("factor", factor)])
{
    public const string Name = "scale";

    public double Factor => factor;

    public static ScaleTransform FromState(TransformState state) => new(Number(state, "factor"));

    protected override Tensor Transform(Tensor features, ScalarScope s) => features.mul(s.Of(factor));

    protected override Tensor TransformInPlace(Tensor features, ScalarScope s) => features.mul_(s.Of(factor));
}
