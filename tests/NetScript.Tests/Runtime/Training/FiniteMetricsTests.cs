using NetScript.Language.Diagnostics;
using NetScript.Runtime;
using NetScript.Runtime.Events;
using NetScript.Runtime.Execution;
using NetScript.Runtime.Training;

namespace NetScript.Tests.Runtime.Training;

/// <summary>A NaN or infinite metric stops the run (NS0742) instead of being printed as a
/// result; an empty dataset found only at run time (a stratified part) stops it with NS0741.</summary>
[Collection(TorchCollection.Name)]
public sealed class FiniteMetricsTests
{
    [Theory]
    [InlineData(double.NaN, 0.5, "the loss of `m` on `val` is NaN")]
    [InlineData(0.3, double.PositiveInfinity, "the accuracy of `m` on `val` is +Inf")]
    public void A_non_finite_metric_is_an_error(double loss, double accuracy, string start)
    {
        var failure = Assert.Throws<RuntimeFailure>(() => FiniteMetrics.Ensure(new Metrics(loss, accuracy), decides: true, "m", "on `val`"));
        Assert.Equal(DiagnosticCatalog.NonFiniteMetric, failure.Descriptor);
        Assert.StartsWith(start, DiagnosticCatalog.NonFiniteMetric.Format(failure.Arguments));
    }

    [Fact]
    public void Accuracy_of_a_loss_without_class_decisions_may_be_NaN()
    {
        FiniteMetrics.Ensure(new Metrics(0.25, double.NaN), decides: false, "m", "on `val`");
        var failure = Assert.Throws<RuntimeFailure>(() => FiniteMetrics.Ensure(new Metrics(0.25, double.NaN) { TopK = double.NaN }, decides: false, "m", "on `val`"));
        Assert.Equal("top-k accuracy", failure.Arguments[0]);
    }

    [Fact]
    public void A_C_sharp_metric_returning_NaN_stops_training_at_the_first_epoch()
    {
        using var workspace = new Workspace();
        const string script = """
            seed 1
            load dataset "spiral" points=10 as d
            split d into a=0.5 b=0.5
            metric bad = csharp { (pred, target) => (pred.sum() * 0) / (pred.sum() * 0) }
            model m { dense 3 }
            train m on a epochs=3 validate=b metrics=[bad] checkpoint=false stats=0
            """;
        var result = Pipelines.Execute(script, workspace);
        Assert.NotNull(result.Failure);
        Assert.Equal("NS0742", result.Failure!.Id);
        Assert.Contains("metric `bad` of `m` on the validation data at epoch 1 is NaN", result.Failure.Message);
    }

    [Fact]
    public void An_empty_stratified_part_stops_evaluation()
    {
        using var workspace = new Workspace();
        // 10 rows per class × 0.02 = 0.2: every class's leftover row goes to `a`, so `b` is empty.
        const string script = """
            seed 1
            load dataset "spiral" points=10 as d
            split d into a=0.98 b=0.02 stratify
            model m { dense 3 }
            train m on a epochs=1 checkpoint=false stats=0
            evaluate m on b
            """;
        var result = Pipelines.Execute(script, workspace);
        Assert.Equal(("NS0741", "`b` has no rows, so it cannot be evaluated on"), (result.Failure?.Id, result.Failure?.Message));
    }
}
