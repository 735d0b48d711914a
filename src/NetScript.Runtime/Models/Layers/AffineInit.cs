using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetScript.Runtime.Models.Layers;

/// <summary>PyTorch's default init for affine weights (what nn.Linear and nn.Conv2d do), so
/// custom layers start like built-in ones: W ~ U(±1/√fan_in) (kaiming_uniform with a = √5),
/// b ~ U(±1/√fan_in).</summary>
internal static class AffineInit
{
    public static (Parameter Weight, Parameter? Bias) Create(long outputs, long inputs, bool bias) => Create([outputs, inputs], bias);

    /// <summary>A weight of <paramref name="shape"/> (outputs, inputs, kernel…): fan_in = inputs·kernel….</summary>
    public static (Parameter Weight, Parameter? Bias) Create(long[] shape, bool bias)
    {
        using var noGrad = no_grad();
        long outputs = shape[0], fanIn = shape.Skip(1).Aggregate(1L, (a, d) => a * d);
        var weight = new Parameter(empty(shape));
        nn.init.kaiming_uniform_(weight, a: Math.Sqrt(5));
        Parameter? b = null;
        if (bias)
        {
            double bound = 1 / Math.Sqrt(fanIn);
            b = new Parameter(empty(outputs));
            nn.init.uniform_(b, -bound, bound);
        }
        return (weight, b);
    }
}
