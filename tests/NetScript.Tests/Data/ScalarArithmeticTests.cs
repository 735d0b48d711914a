using NetScript.Data;
using static TorchSharp.torch;

namespace NetScript.Tests.Data;

/// <summary>The kept-alive sums are the operators' sums bit for bit, dtype included, so code
/// moved from operators to them computes exactly what it computed before.</summary>
[Collection(TorchCollection.Name)]
public sealed class ScalarArithmeticTests
{
    [Fact]
    public void Plus_equals_the_operators_bit_for_bit()
    {
        using var s = new ScalarScope();
        using var a = randn([4, 5], generator: new Generator(1)) * 1e3;   // (4, 5) float32
        using var b = randn([1, 5], generator: new Generator(2));         // broadcasts
        using var n = randint(-9, 9, [4, 5], generator: new Generator(3)); // int64
        Same(a + b, a.Plus(b, s));
        Same(a + 0.1, a.Plus(0.1, s));
        Same(a + 7, a.Plus(7, s));
        Same(n + 7, n.Plus(7, s));
        Same(1 - a, a.neg().Plus(1, s));
        Assert.Equal(ScalarType.Int64, n.Plus(7, s).dtype); // an integer stays an integer
    }

    static void Same(Tensor expected, Tensor actual)
    {
        Assert.Equal(expected.dtype, actual.dtype);
        Assert.True(expected.eq(actual).all().item<bool>());
    }
}
