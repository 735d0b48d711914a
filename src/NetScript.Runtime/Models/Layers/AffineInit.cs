using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetScript.Runtime.Models.Layers;

/// <summary>PyTorch's default init for affine weights (what nn.Linear and nn.Conv2d do), so
/// custom layers start like built-in ones: W ~ U(±1/√fan_in) (kaiming_uniform with a = √5),
/// b ~ U(±1/√fan_in).</summary>
internal static class AffineInit
{
    public static (Parameter Weight, Parameter? Bias) Create(long outputs, long inputs, bool bias)
    {
        using var noGrad = no_grad();
        var weight = new Parameter(empty(outputs, inputs));
        nn.init.kaiming_uniform_(weight, a: Math.Sqrt(5));
        Parameter? b = null;
        if (bias)
        {
            double bound = 1 / Math.Sqrt(inputs);
            b = new Parameter(empty(outputs));
            nn.init.uniform_(b, -bound, bound);
        }
        return (weight, b);
    }
}
