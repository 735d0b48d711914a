using NetScript.Language.Semantics;
using NetScript.Scripting.Building;
using NetScript.Scripting.Guards;
using TorchSharp;
using static TorchSharp.torch;

namespace NetScript.Tests.Scripting;

/// <summary>In this TorchSharp a failing matmul aborts the process, so snippets call a guard
/// instead. The rule and the rewrite are tested here without ever calling matmul on bad shapes;
/// the calls themselves run in child processes (<see cref="MatmulProcessTests"/>).</summary>
public sealed class MatmulGuardTests
{
    [Theory]
    [InlineData(new long[] { 3 }, new long[] { 3 })]                 // dot
    [InlineData(new long[] { 2, 3 }, new long[] { 3 })]              // matrix · vector
    [InlineData(new long[] { 3 }, new long[] { 3, 4 })]              // vector · matrix
    [InlineData(new long[] { 2, 3 }, new long[] { 3, 4 })]
    [InlineData(new long[] { 10, 2, 3 }, new long[] { 3 })]          // batched · vector
    [InlineData(new long[] { 3 }, new long[] { 10, 3, 4 })]
    [InlineData(new long[] { 10, 2, 3 }, new long[] { 3, 4 })]       // batched · broadcast matrix
    [InlineData(new long[] { 10, 1, 2, 3 }, new long[] { 5, 3, 4 })] // batch (10, 1) with (5)
    public void Valid_products_are_accepted(long[] a, long[] b) =>
        Assert.Null(MatmulRule.Check(a, b, ScalarType.Float32, ScalarType.Float32, DeviceType.CPU, DeviceType.CPU));

    [Theory]
    [InlineData(new long[] { 3, 4 }, new long[] { 5, 2 }, "matmul: shapes [3, 4] and [5, 2] cannot be multiplied (4 != 5)")]
    [InlineData(new long[] { 3 }, new long[] { 4 }, "matmul: shapes [3] and [4] cannot be multiplied (3 != 4)")]
    [InlineData(new long[] { 3 }, new long[] { 4, 3 }, "matmul: shapes [3] and [4, 3] cannot be multiplied (3 != 4)")]
    [InlineData(new long[] { 2, 3, 4 }, new long[] { 5, 4, 2 }, "matmul: the batch dimensions of shapes [2, 3, 4] and [5, 4, 2] do not broadcast (2 != 5)")]
    [InlineData(new long[] { }, new long[] { 4 }, "matmul needs tensors with at least one dimension, but got shapes [] and [4]")]
    [InlineData(new long[] { 2, 1 }, new long[] { 3, 2 }, "matmul: shapes [2, 1] and [3, 2] cannot be multiplied (1 != 3)")] // no broadcasting of the inner size
    public void Invalid_shapes_are_refused_with_a_reason(long[] a, long[] b, string reason) =>
        Assert.Equal(reason, MatmulRule.Check(a, b, ScalarType.Float32, ScalarType.Float32, DeviceType.CPU, DeviceType.CPU));

    [Fact]
    public void Dtypes_that_abort_are_refused()
    {
        long[] a = [2, 3], b = [3, 2];
        Assert.Equal("matmul needs both tensors to have the same dtype, but got float32 and int64",
            MatmulRule.Check(a, b, ScalarType.Float32, ScalarType.Int64, DeviceType.CPU, DeviceType.CPU));
        Assert.Equal("matmul is not implemented for bool tensors",
            MatmulRule.Check(a, b, ScalarType.Bool, ScalarType.Bool, DeviceType.CPU, DeviceType.CPU));
        Assert.Null(MatmulRule.Check(a, b, ScalarType.Int64, ScalarType.Int64, DeviceType.CPU, DeviceType.CPU));
    }

    [Theory]
    [InlineData("(a, b) => a.matmul(b)", "(a, b) => G(a, b)")]
    [InlineData("(a, b) => torch.matmul(a, b)", "(a, b) => G(a, b)")]
    [InlineData("(a, b) => TorchSharp.torch.matmul(input: a, target: b)", "(a, b) => G(input: a, target: b)")]
    [InlineData("(a, b) => matmul(a, b)", "(a, b) => G(a, b)")]
    [InlineData("(a, b) => a.matmul(b).matmul(b.t().matmul(a))", "(a, b) => G(G(a, b), G(b.t(), a))")]
    [InlineData("(a, b) => (a + 1) .matmul( b )", "(a, b) => G((a + 1),  b )")]
    [InlineData("(a, b) => a.mm(b)", "(a, b) => a.mm(b)")]
    public void Every_call_form_is_routed_through_the_guard(string code, string expected)
    {
        Assert.Equal(expected, Rewrite(code));
    }

    [Fact]
    public void A_users_own_matmul_is_left_alone()
    {
        const string code = "Tensor matmul(Tensor a, Tensor b) => a * b;\n(a, b) => matmul(a, b) + a.matmul(b)";
        Assert.Equal("Tensor matmul(Tensor a, Tensor b) => a * b;\n(a, b) => matmul(a, b) + G(a, b)",
            Rewrite(code));
    }

    [Fact]
    public void Positions_in_the_rewritten_text_map_back_to_the_original()
    {
        const string original = "x.matmul(y) + z";
        var (text, map) = SourceMap.Apply(original, [new TextEdit(0, 0, "G("), new TextEdit(1, 8, ", ")]);
        Assert.Equal("G(x, y) + z", text);
        Assert.Equal(original.IndexOf('z'), map.ToOriginal(text.IndexOf('z')));
        Assert.Equal(original.IndexOf('y'), map.ToOriginal(text.IndexOf('y')));
        Assert.Equal(0, map.ToOriginal(1));  // inside the inserted "G(": where it was inserted
        Assert.Equal(0, map.ToOriginal(2));  // x
        Assert.Throws<ArgumentException>(() => SourceMap.Apply("abc", [new TextEdit(0, 2, "x"), new TextEdit(1, 1, "y")]));
    }

    /// <summary>The compiled text of a loss snippet, less the prelude and the result
    /// declaration around the final lambda, with the guard's name shortened to G.</summary>
    static string Rewrite(string code)
    {
        SnippetBuilder.Output output = SnippetBuilder.Build(SnippetKind.Loss, code, CancellationToken.None);
        Assert.Empty(output.Diagnostics);
        string text = output.CompiledText![SnippetPrelude.Header.Length..];
        var declaration = System.Text.RegularExpressions.Regex.Match(text, @"global::System\.Func<[^>]*> (\w+) = ");
        return text.Replace(declaration.Value, "").Replace("; " + declaration.Groups[1].Value, "").Replace(SnippetGuards.MatmulName, "G");
    }
}
