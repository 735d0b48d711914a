using NetScript.Language.Diagnostics;
using NetScript.Scripting;
using TorchSharp;
using static TorchSharp.torch;

namespace NetScript.Tests.Scripting;

/// <summary>Calling compiled snippets: results and gradients as with TorchSharp directly, and
/// failures as diagnostics at the snippet line that failed, never a stack trace.</summary>
[Collection(TorchCollection.Name)]
public sealed class SnippetRuntimeTests
{
    readonly SnippetCompiler _compiler = SnippetScripts.InMemory();

    [Fact]
    public void Cross_entropy_through_a_snippet_gives_the_same_loss_and_gradients_as_torchsharp()
    {
        var snippet = _compiler.Compile("loss ce = csharp { (p, t) => F.cross_entropy(p, t) }");
        torch.manual_seed(3);
        using Tensor logits = torch.randn(16, 5);
        using Tensor targets = torch.randint(0, 5, [16], ScalarType.Int64);

        using Tensor viaSnippet = logits.clone().requires_grad_();
        using Tensor viaTorch = logits.clone().requires_grad_();
        using Tensor snippetLoss = snippet.Invoke(viaSnippet, targets);
        using Tensor torchLoss = nn.functional.cross_entropy(viaTorch, targets);
        snippetLoss.backward();
        torchLoss.backward();

        Assert.Equal(torchLoss.item<float>(), snippetLoss.item<float>());
        Assert.Equal(viaTorch.grad!.data<float>().ToArray(), viaSnippet.grad!.data<float>().ToArray()); // bit for bit
        Assert.True(viaSnippet.grad!.abs().sum().item<float>() > 0);
    }

    [Fact]
    public void A_division_by_zero_is_reported_at_its_statement()
    {
        var snippet = _compiler.Compile("""
            loss l = csharp {
              (p, t) =>
              {
                  int zero = (int)t.shape[0] - 4;
                  int scale = 8 / zero;
                  return p.sum() * scale;
              }
            }
            """);
        var e = Assert.Throws<SnippetException>(() => snippet.Invoke(torch.ones(4, 2), torch.zeros(4)));
        Assert.Equal("""
            test.nns:5:7: error NS0807: loss `l` failed: DivideByZeroException: Attempted to divide by zero.
             5 |       int scale = 8 / zero;
               |       ^^^^^^^^^^^^^^^^^^^^^
            """, DiagnosticFormatter.Format(e.Diagnostic));
        Assert.IsType<DivideByZeroException>(e.InnerException);
    }

    [Fact]
    public void A_null_reference_is_reported_at_its_statement()
    {
        var snippet = _compiler.Compile("layer l = csharp { x => {\n    Tensor mask = null;\n    return x * mask.sigmoid(); } }");
        var e = Assert.Throws<SnippetException>(() => snippet.Invoke(torch.ones(2, 2)));
        Assert.Equal("test.nns:3:5: error NS0807: layer `l` failed: NullReferenceException: Object reference not set to an instance of an object.", e.Diagnostic.ToString());
    }

    [Fact]
    public void A_libtorch_error_shows_its_first_line_only()
    {
        var snippet = _compiler.Compile("metric m = csharp { (p, t) => p.softmax(5).max() }");
        var e = Assert.Throws<SnippetException>(() => snippet.Invoke(torch.ones(2, 3), torch.zeros(2)));
        Assert.Equal("metric `m` failed: libtorch: Dimension out of range (expected to be in range of [-2, 1], but got 5)", e.Diagnostic.Message);
        Assert.Equal(new NetScript.Language.Text.TextLocation(1, 31), e.Diagnostic.Location);
        Assert.DoesNotContain("frame #", e.Diagnostic.Message);
    }

    [Fact]
    public void A_loss_that_stops_being_scalar_at_run_time_is_an_error_too()
    {
        // Scalar for a batch of 1 only: the probe's batch would catch it, the run-time check
        // covers what probes cannot see (e.g. a last, smaller batch).
        var snippet = _compiler.Compile("loss l = csharp { (p, t) => p.sum(1) }");
        Assert.Equal(1, snippet.Invoke(torch.ones(1, 3), torch.zeros(1)).numel());
        var e = Assert.Throws<SnippetException>(() => snippet.Invoke(torch.ones(4, 3), torch.zeros(4)));
        Assert.Equal("NS0801", e.Diagnostic.Id);
        Assert.Contains("returned shape [4] for a batch of 4", e.Diagnostic.Message);
    }

    [Fact]
    public void A_layer_that_drops_the_batch_at_run_time_is_an_error()
    {
        var snippet = _compiler.Compile("layer l = csharp { x => x.mean() }");
        var e = Assert.Throws<SnippetException>(() => snippet.Invoke(torch.ones(4, 3)));
        Assert.Equal("layer `l` must keep the batch dimension first and its other dimensions independent of the batch size: for an input of shape [4, 3] it returned shape []",
            e.Diagnostic.Message);
    }

    [Fact]
    public void Top_level_statements_run_once_on_load_and_their_failure_is_a_diagnostic()
    {
        var compiled = _compiler.Compile(SnippetScripts.One("loss l = csharp {\nvar weights = new float[0];\nvar first = weights[0];\n(p, t) => p.sum() * first }"));
        var diagnostic = Assert.Single(compiled.Diagnostics);
        Assert.Equal("test.nns:3:13: error NS0807: loss `l` failed: IndexOutOfRangeException: Index was outside the bounds of the array.", diagnostic.ToString());
    }

    [Fact]
    public void Valid_matmul_calls_in_every_form_go_through_the_guard_with_the_same_result()
    {
        var snippet = _compiler.Compile("""
            loss l = csharp {
              (p, t) => p.matmul(t).sum() + torch.matmul(p, t).sum() + matmul(p.t(), p).matmul(t).sum()
            }
            """);
        torch.manual_seed(1);
        using Tensor p = torch.randn(3, 4), t = torch.randn(4, 2);
        float expected = (2 * p.matmul(t).sum() + p.t().matmul(p).matmul(t).sum()).item<float>();
        Assert.Equal(expected, snippet.Invoke(p, t).item<float>(), 4);
    }
}
