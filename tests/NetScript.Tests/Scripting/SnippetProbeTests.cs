using NetScript.Language.Diagnostics;
using NetScript.Language.Semantics;
using NetScript.Scripting;
using TorchSharp;

namespace NetScript.Tests.Scripting;

/// <summary>The contract check on a dummy batch, as the checker will run it before training.
/// Golden/snippets holds the rendered diagnostics; these tests cover what a golden file cannot show.</summary>
[Collection(TorchCollection.Name)]
public sealed class SnippetProbeTests
{
    static readonly SnippetProbe Classify3 = SnippetProbe.ForLoss(Shape.Of(3), SnippetTarget.ClassIndices(3));

    readonly SnippetCompiler _compiler = SnippetScripts.InMemory();

    SnippetCheck Check(string script, SnippetProbe probe) => _compiler.Check(SnippetScripts.One(script), probe);

    static Diagnostic Single(SnippetCheck check) => Assert.Single(check.Diagnostics);

    [Fact]
    public void Backward_is_run_so_a_gradient_error_is_found_before_training()
    {
        var diagnostic = Single(Check("loss l = csharp { (p, t) => { var s = p.sigmoid(); s.mul_(2); return s.sum(); } }", Classify3));
        Assert.Equal("NS0806", diagnostic.Id);
        Assert.True(diagnostic.Message.Contains("while computing gradients: libtorch: one of the variables needed for gradient computation has been modified by an inplace operation"), diagnostic.Message);
    }

    [Fact]
    public void The_batch_size_avoids_the_model_s_dimensions()
    {
        // `p - p.t()` only works when the batch equals the class count: a batch of 7 with 7
        // classes would let the bug through, so the probe uses 11.
        var probe = SnippetProbe.ForLoss(Shape.Of(7), SnippetTarget.ClassIndices(7));
        var diagnostic = Single(Check("loss l = csharp { (p, t) => (p - p.t()).pow(2).mean() }", probe));
        Assert.Equal("NS0806", diagnostic.Id);
        Assert.Contains("`p` [11, 7] float32 and `t` [11] int64 class indices in [0, 7)", diagnostic.Message);
    }

    [Fact]
    public void Probing_does_not_move_the_global_random_stream()
    {
        torch.manual_seed(5);
        float expected = torch.rand(1).item<float>();
        torch.manual_seed(5);
        Assert.Empty(Check("loss l = csharp { (p, t) => (p * torch.rand_like(p)).sum() }", Classify3).Diagnostics);
        Assert.Equal(expected, torch.rand(1).item<float>());
    }

    [Fact]
    public void Compile_errors_are_returned_without_probing()
    {
        var check = Check("loss l = csharp { (p, t) => p.summ() }", Classify3);
        Assert.Equal("CS1061", Single(check).Id);
    }

    [Fact]
    public void A_snippet_that_does_not_return_is_reported_at_its_line_after_the_time_limit()
    {
        // Busy for 2 s (then it returns, so the abandoned thread does not spin for ever); the limit here is 0.2 s.
        var compiled = _compiler.Compile(SnippetScripts.One(
            "loss l = csharp { (p, t) => { var end = System.DateTime.UtcNow.AddSeconds(2); while (System.DateTime.UtcNow < end) { } return p.sum(); } }"));
        var check = NetScript.Scripting.Probing.SnippetProber.Probe(compiled, Classify3, System.TimeSpan.FromSeconds(0.2));
        var diagnostic = Single(check);
        Assert.Equal(("NS0743", DiagnosticSeverity.Error), (diagnostic.Id, diagnostic.Severity));
        Assert.StartsWith("loss `l` did not finish within 0.2 s on a dummy batch", diagnostic.Message);
        Assert.Equal(1, diagnostic.Location!.Value.Line);
    }
}
