namespace NetScript.Tests.Scripting;

/// <summary>Snippet matmul calls on mismatched shapes, run in child processes. The guard is what
/// keeps the REPL alive, so the test runs it where a failure costs one child, not the test host:
/// if the guard let a bad call through, the child would abort and this test would fail with the
/// child's output. The control run without the guard shows the abort is real, so the guarded
/// test could fail.</summary>
[Collection(TorchCollection.Name)]
public sealed class MatmulProcessTests
{
    [Fact]
    public void A_mismatched_matmul_in_a_snippet_is_a_diagnostic_in_every_call_form()
    {
        var result = ChildProcess.Run("matmul-guarded");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("""
            matmul.nns:1:44: error NS0807: loss `instance` failed: matmul: shapes [4, 3] and [5, 2] cannot be multiplied (3 != 5)
             1 | loss instance = csharp { (pred, target) => pred.matmul(target).mean() }
               |                                            ^^^^^^^^^^^^^^^^^^^^^^^^^^
            matmul.nns:2:45: error NS0807: loss `qualified` failed: matmul: shapes [4, 3] and [5, 2] cannot be multiplied (3 != 5)
             2 | loss qualified = csharp { (pred, target) => torch.matmul(pred, target).mean() }
               |                                             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
            matmul.nns:6:9: error NS0807: loss `imported` failed: matmul: shapes [4, 3] and [5, 2] cannot be multiplied (3 != 5)
             6 |         var scores = matmul(pred, target);
               |         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^

            """, result.Output.Replace("\r\n", "\n"));
    }

    [Fact]
    public void Without_the_guard_the_same_call_aborts_the_process()
    {
        var result = ChildProcess.Run("matmul-unguarded");
        Assert.True(result.ExitCode != 0, result.ToString());
        Assert.Contains("terminate called after throwing an instance of 'c10::Error'", result.Errors);
        Assert.Contains("mat1 and mat2 shapes cannot be multiplied (4x3 and 5x2)", result.Errors);
        Assert.DoesNotContain("caught", result.Output);
    }

    [Fact]
    public void The_guard_accepts_exactly_what_matmul_can_compute()
    {
        var result = ChildProcess.Run("matmul-sweep");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("1600 shape pairs: ", result.Output);
        Assert.Contains("; 0 mismatches", result.Output);
    }
}
