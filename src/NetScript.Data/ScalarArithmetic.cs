using static TorchSharp.torch;

namespace NetScript.Data;

/// <summary>Sums whose scalars live in a <see cref="ScalarScope"/>. The operators
/// <c>a + b</c> and <c>t + v</c> call add with a temporary alpha of 1 (and a temporary v);
/// these make the same call with kept-alive scalars, so results are bit for bit the
/// operators'. Other operators map one to one: <c>t * v</c> is <c>t.mul(s.Of(v))</c>,
/// <c>t − v</c> <c>t.sub(s.Of(v))</c>, <c>v − t</c> <c>t.neg().Plus(v, s)</c>, <c>v / t</c>
/// <c>t.reciprocal().mul(s.Of(v))</c>, <c>t &lt; v</c> <c>t.lt(s.Of(v))</c>.</summary>
public static class ScalarArithmetic
{
    /// <summary>a + b.</summary>
    public static Tensor Plus(this Tensor a, Tensor b, ScalarScope s) => a.add(b, s.Of(1));

    /// <summary>t + v, v as float64.</summary>
    public static Tensor Plus(this Tensor t, double v, ScalarScope s) => t.add(s.Of(v), s.Of(1));

    /// <summary>t + v, v as an integer (an integer tensor stays an integer tensor).</summary>
    public static Tensor Plus(this Tensor t, long v, ScalarScope s) => t.add(s.Of(v), s.Of(1));
}
