using NetScript.Language.Semantics;
using NetScript.Language.Text;
using NetScript.Scripting;
using TorchSharp;
using static TorchSharp.torch;

namespace NetScript.Tests.Scripting;

[Collection(TorchCollection.Name)]
public sealed class SnippetCompilerTests
{
    readonly SnippetCompiler _compiler = SnippetScripts.InMemory();

    static Tensor Values(params float[] values) => torch.tensor(values);

    [Fact]
    public void A_literal_zero_is_a_dimension_not_the_byte_dtype()
    {
        // C# converts the literal 0 to any enum, so x.sum(0) used to bind to sum(ScalarType? type)
        // and fail with "Autograd not support dtype: Byte"; it sums dimension 0 now.
        var layer = _compiler.Compile("layer colsum = csharp { x => x - x.sum(0) - x.cumsum(0) }");
        using var scope = torch.NewDisposeScope();
        Tensor x = torch.tensor(new float[,] { { 1, 2 }, { 3, 5 } });
        // sum(0) = [4, 7]; cumsum(0) = [[1, 2], [4, 7]].
        Assert.Equal([1 - 4 - 1, 2 - 7 - 2, 3 - 4 - 4, 5 - 7 - 7f], layer.Invoke(x).data<float>().ToArray());
        var loss = _compiler.Compile("loss l = csharp { (pred, target) => (pred - target).pow(2).sum(0).mean() }");
        Tensor p = torch.tensor(new float[,] { { 1, 2 }, { 3, 4 } }, requires_grad: true);
        Tensor value = loss.Invoke(p, torch.zeros(2, 2));
        Assert.Equal(((1 + 9) + (4 + 16)) / 2f, value.item<float>()); // column sums 10 and 20, averaged
        value.backward();                                              // autograd runs: no Byte anywhere
        Assert.Equal([1f, 2, 3, 4], p.grad!.data<float>().ToArray());  // ∂/∂p = 2p/2
        // The two working spellings are unchanged; an explicit dtype still is one.
        Assert.Equal([4f, 7], _compiler.Compile("layer a = csharp { x => x.sum(0L) }").Invoke(x).data<float>().ToArray());
        Assert.Equal([4f, 7], _compiler.Compile("layer b = csharp { x => x.sum(dim: 0) }").Invoke(x).data<float>().ToArray());
        Assert.Equal([12f, 13, 14, 16], _compiler.Compile("layer c = csharp { x => x + x.sum(ScalarType.Float64).to_type(x.dtype) }").Invoke(x).data<float>().ToArray());
    }

    [Fact]
    public void An_expression_lambda_sees_torch_nn_F_and_Math_without_usings()
    {
        var loss = _compiler.Compile("loss l = csharp { (pred, target) => F.mse_loss(pred, target) * Sqrt(4) + nn.functional.relu(-pred).sum() + torch.zeros(1).sum() }");
        // mse = ((1-0)^2 + (2-4)^2) / 2 = 2.5; doubled by Sqrt(4); relu(-pred) is 0.
        Assert.Equal(5.0f, loss.Invoke(Values(1, 2), Values(0, 4)).item<float>());
    }

    [Fact]
    public void A_multi_line_statement_lambda_with_locals_and_linq_computes_the_tukey_loss()
    {
        var loss = _compiler.Compile("""
            loss tukey = csharp {
              (pred, target) =>
              {
                  double c = new[] { 4.685 }.Single();      // Tukey's constant (LINQ is imported)
                  var r = (pred - target).abs();
                  var inside = (c * c / 6) * (1 - (1 - (r / c).pow(2)).pow(3));
                  var outside = torch.full_like(r, c * c / 6);
                  return torch.where(r <= c, inside, outside).mean();
              }
            }
            """);
        double c = 4.685;
        double Rho(double r) => Math.Abs(r) <= c ? c * c / 6 * (1 - Math.Pow(1 - Math.Pow(r / c, 2), 3)) : c * c / 6;
        double expected = (Rho(1) + Rho(-3) + Rho(10)) / 3; // residuals 1, -3 and an outlier of 10
        float actual = loss.Invoke(Values(1, 0, 10), Values(0, 3, 0)).item<float>();
        Assert.Equal(expected, actual, 5);
    }

    [Fact]
    public void A_layer_is_a_function_of_its_input()
    {
        var swish = _compiler.Compile("layer swish = csharp { x => x * torch.sigmoid(x) }");
        Tensor x = Values(-1, 0, 2).reshape(1, 3);
        float[] expected = [(float)(-1 / (1 + Math.Exp(1))), 0, (float)(2 / (1 + Math.Exp(-2)))];
        Assert.Equal(expected, swish.Invoke(x).data<float>().ToArray(), new FloatTolerance(1e-6f));
    }

    [Fact]
    public void A_layer_module_in_a_chain_fires_forward_hooks_like_a_built_in()
    {
        var snippet = _compiler.Compile("layer double = csharp { x => x * 2 }");
        using var model = nn.Sequential(("dense1", nn.Linear(2, 2)), ("double1", snippet.ToModule("double1")));
        var seen = new List<string>();
        foreach (var (name, child) in model.named_children())
            ((nn.Module<Tensor, Tensor>)child).register_forward_hook((_, _, output) => { seen.Add($"{name} {string.Join("x", output.shape)}"); return null!; });
        using Tensor input = torch.ones(3, 2);
        using Tensor output = model.call(input);
        Assert.Equal(["dense1 3x2", "double1 3x2"], seen);
        Assert.Empty(snippet.ToModule("d").parameters());
    }

    [Fact]
    public void The_same_text_compiles_once_and_is_positioned_wherever_it_appears()
    {
        const string code = " (p, t) => (p - t).abs().mean() ";
        var first = SourceText.From($"loss a = csharp {{{code}}}", "a.nns");
        var second = SourceText.From($"\n\nloss b = csharp {{{code}}}", "b.nns");
        var a = _compiler.Compile(SnippetSource.At(SnippetKind.Loss, "a", first, new TextSpan(first.Text.IndexOf('{') + 1, code.Length)));
        var b = _compiler.Compile(SnippetSource.At(SnippetKind.Loss, "b", second, new TextSpan(second.Text.IndexOf('{') + 1, code.Length)));
        Assert.Same(a.Image, b.Image);
        Assert.Equal(SnippetOrigin.Compiled, b.Origin);

        // A failure is reported where each copy is, with each one's name.
        var ea = Assert.Throws<SnippetException>(() => a.Invoke(torch.ones(2, 3), torch.ones(5)));
        var eb = Assert.Throws<SnippetException>(() => b.Invoke(torch.ones(2, 3), torch.ones(5)));
        Assert.Equal(("a.nns", new TextLocation(1, 29)), (ea.Diagnostic.Source!.Path, ea.Diagnostic.Location!.Value));
        Assert.Equal(("b.nns", new TextLocation(3, 29)), (eb.Diagnostic.Source!.Path, eb.Diagnostic.Location!.Value));
        Assert.StartsWith("loss `b` failed: libtorch: The size of tensor a (3) must match the size of tensor b (5)", eb.Diagnostic.Message);
    }

    [Fact]
    public void A_loss_and_a_metric_with_the_same_text_are_separate_compilations()
    {
        const string text = "(p, t) => p.sum()";
        var source = SourceText.From(text);
        var loss = _compiler.Compile(new SnippetSource(SnippetKind.Loss, "x", text, source, new TextSpan(0, text.Length)));
        var metric = _compiler.Compile(new SnippetSource(SnippetKind.Metric, "x", text, source, new TextSpan(0, text.Length)));
        Assert.NotSame(loss.Image, metric.Image);
    }

    [Fact]
    public void Calling_a_snippet_with_the_wrong_arity_is_a_programming_error()
    {
        var layer = _compiler.Compile("layer id = csharp { x => x }");
        var e = Assert.Throws<InvalidOperationException>(() => layer.Invoke(torch.ones(1), torch.ones(1)));
        Assert.Equal("layer `id` is a layer; it cannot be called with (pred, target)", e.Message);
    }

    sealed class FloatTolerance(float tolerance) : IEqualityComparer<float>
    {
        public bool Equals(float x, float y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(float value) => 0;
    }
}
