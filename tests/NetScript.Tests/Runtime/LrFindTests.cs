using NetScript.Data;
using NetScript.Language.Lowering;
using NetScript.Language.Semantics;
using NetScript.Runtime.Events;
using NetScript.Runtime.Execution;
using NetScript.Runtime.LrFind;
using NetScript.Runtime.Models;
using NetScript.Runtime.Recording;
using NetScript.Tests.Engine;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace NetScript.Tests.Runtime;

/// <summary>`lr_find`: the rates, the smoothing and the suggestion against hand-computed values,
/// the divergence stop against the stability bound of gradient descent on a linear regression,
/// and the model left exactly as it was.</summary>
[Collection(TorchCollection.Name)]
public sealed class LrFindTests(ITestOutputHelper output)
{
    [Fact]
    public void Rates_rise_geometrically_from_start_to_end()
    {
        double[] rates = LearningRateFinder.Rates(1e-4, 1, 5);
        double[] expected = [1e-4, 1e-3, 1e-2, 1e-1, 1];
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], rates[i], 1e-12 * expected[i]);
    }

    [Fact]
    public void Smoothing_is_an_exponential_average_with_bias_correction()
    {
        // A constant loss stays constant (without the correction the first value would be 0.02·c);
        // [1, 3]: (0.98·0.02·1 + 0.02·3) / (1 − 0.98²) = 0.0796 / 0.0396.
        Assert.All(LearningRateFinder.Smooth([2.5, 2.5, 2.5, 2.5]), s => Assert.Equal(2.5, s, 12));
        double[] smoothed = LearningRateFinder.Smooth([1, 3]);
        Assert.Equal(1, smoothed[0], 12);
        Assert.Equal(0.0796 / 0.0396, smoothed[1], 12);
    }

    [Fact]
    public void The_suggestion_is_the_steepest_descent_of_the_smoothed_loss_over_log_rate()
    {
        // loss = 1 − tanh(2·(log₁₀ lr + 2)) falls fastest at its inflection, lr = 1e-2.
        double[] rates = LearningRateFinder.Rates(1e-5, 10, 100);
        double[] loss = [.. rates.Select(r => 1 - Math.Tanh(2 * (Math.Log10(r) + 2)))];
        int i = LearningRateFinder.SteepestIndex(loss, 100);
        Assert.InRange(1e-2, rates[i], rates[i + 1]);
    }

    [Fact]
    public void The_first_tenth_and_the_last_five_rates_are_left_out_of_the_suggestion()
    {
        // A steady fall with a jump down at step 3 (a lucky first mini-batch) and one at step 97
        // (the last steps before a stop): neither is the suggestion; the fall from 40 to 41 is.
        double[] loss = [.. Enumerable.Range(0, 100).Select(i => 2 - 0.001 * i - (i > 3 ? 0.5 : 0) - (i > 40 ? 0.2 : 0) - (i > 97 ? 0.9 : 0))];
        Assert.Equal(40, LearningRateFinder.SteepestIndex(loss, 100));
        // Too short for that window (--smoke tries 2 rates): every rate counts.
        Assert.Equal(0, LearningRateFinder.SteepestIndex([1.0, 0.5], 2));
        Assert.Equal(0, LearningRateFinder.SteepestIndex([1.0], 2));
    }

    [Fact]
    public void A_range_test_lowers_with_its_training_and_smoke_mode_tries_two_rates()
    {
        var compilation = EnginePlans.Check("dense 3", Shape.Of(2), before: "optimizer sgd lr=0.1 momentum=0.9\n",
            after: "lr_find m on train start=1e-5 end=1 steps=80 batch=16 clip_norm=2\n", train: "epochs=1");
        Assert.False(compilation.HasErrors, NetScript.Language.Diagnostics.DiagnosticFormatter.FormatAll(compilation.Diagnostics));
        ProgramPlan plan = Lowerer.Lower(compilation.Program!);
        var find = Assert.Single(plan.Steps.OfType<LrFindPlan>());
        Assert.Equal((1e-5, 1.0, 80, 16, (double?)2.0), (find.Start, find.End, find.Steps, find.Train.BatchSize, find.Train.ClipNorm));
        Assert.Equal("sgd(lr=0.1, momentum=0.9, nesterov=false, weight_decay=0, decay_all=false)", find.Train.Optimizer.ToString());
        Assert.Equal(SmokePlan.Steps, Assert.Single(SmokePlan.Reduce(plan).Steps.OfType<LrFindPlan>()).Steps);
    }

    [Fact]
    public void Divergence_is_detected_just_past_the_stability_bound_of_gradient_descent()
    {
        // MSE on a linear model y ≈ Zθ, Z = [X, 1]: the Hessian is 2·ZᵀZ/n, and gradient descent
        // diverges once lr > 2/λ_max = 1/eigmax(ZᵀZ/n). The smoothed loss lags the raw loss
        // (β = 0.98 remembers ~50 steps) and must grow to 4× its lowest, so the stop comes
        // after the bound; with 100 rates a decade it comes within 60% of it.
        using var data = Regression(1024);
        using var scope = NewDisposeScope();
        Tensor z = cat([data.Features, ones(1024, 1)], 1).to_type(ScalarType.Float64); // (n, 3)
        double bound = 1 / linalg.eigvalsh(z.t().matmul(z) / 1024).max().item<double>();

        LrFindPlan plan = Plan(start: 1e-2, end: 10, steps: 300);
        using var model = Build(plan);
        LrFindResult result = LearningRateFinder.Run(plan, model, data, seed: 1, snippets: null, CancellationToken.None);

        Assert.NotNull(result.DivergedAt);
        double diverged = result.DivergedAt!.Value;
        output.WriteLine($"bound 1/eigmax(ZᵀZ/n) = {bound:G4}, diverged at {diverged:G4} ({diverged / bound:F2}× the bound, "
            + $"{result.Rates.Length} of {plan.Steps} rates), suggested {result.Suggested:G3}");
        Assert.InRange(diverged / bound, 1.0, 1.6);
        Assert.InRange(result.Suggested, plan.Start * 1.0001, bound);
    }

    [Fact]
    public void The_weights_and_buffers_after_a_range_test_are_those_before_it_bit_for_bit()
    {
        var train = EnginePlans.Lowered("dense 16 -> batchnorm -> relu\ndense 3", Shape.Of(2), before: "optimizer sgd lr=0.1 momentum=0.9\n", train: "batch=16");
        var plan = new LrFindPlan("m", "d", 1e-4, 100, 60, train, default);
        manual_seed(2);
        using var data = new TensorDataset(randn(200, 2), randint(0, 3, [200]), classes: 3);
        using var model = Build(plan);
        var before = model.Module.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.clone());
        LrFindResult result = LearningRateFinder.Run(plan, model, data, seed: 1, snippets: null, CancellationToken.None);

        Assert.True(result.Rates.Length > 10, $"{result.Rates.Length} rates tried");
        var after = model.Module.state_dict();
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        Assert.Contains(before.Keys, k => k.Contains("running_mean", StringComparison.Ordinal));
        foreach (var (name, tensor) in after) Assert.True(tensor.eq(before[name]).all().item<bool>(), $"{name} changed");
    }

    [Fact]
    public void A_script_prints_the_suggestion_and_writes_one_row_per_rate_a_plot_and_a_json_file()
    {
        const string script = """
            seed 5
            threads 1
            load dataset "spiral" classes=3 points=60 noise=0.2 as data
            model mlp { dense 16 -> relu; dense 3 }
            optimizer sgd lr=0.1 momentum=0.9
            lr_find mlp on data start=1e-4 end=1 steps=40 batch=16

            """;
        var observer = new RecordingObserver();
        var folder = RunFolder.Create(Scripts.TempDirectory(), "lr_find.nns", script);
        using var workspace = new Workspace();
        var result = Pipelines.Execute(script, workspace, observer, runFolder: folder);
        Assert.True(result.Succeeded, result.Failure?.Message);

        var found = Assert.Single(observer.Of<LrFindCompleted>());
        var table = ParquetTableReader.Read(Path.Combine(folder.Path, "lr_find.parquet"));
        long[] steps = (long[])table["step"];
        double[] rates = (double[])table["lr"], smoothed = (double[])table["smoothed"];
        Assert.Equal(found.Tried, steps.Length);
        Assert.Equal(Enumerable.Range(0, steps.Length).Select(i => (long)i), steps);
        Assert.Equal(1e-4, rates[0], 1e-12);
        double ratio = Math.Pow(1e4, 1.0 / 39); // (end/start)^(1/(steps − 1))
        for (int i = 1; i < rates.Length; i++) Assert.Equal(ratio, rates[i] / rates[i - 1], 1e-9);
        Assert.Equal(LearningRateFinder.Smooth((double[])table["loss"]), smoothed);
        Assert.Equal(rates[LearningRateFinder.SteepestIndex(smoothed, 40)], found.Suggested);
        Assert.Equal((900, 560), NetScript.Tests.Statistics.Png.Size(Path.Combine(folder.Path, "lr_find.png")));
        string json = File.ReadAllText(Path.Combine(folder.Path, "lr_find.json"));
        Assert.Contains("\"suggested_lr\"", json);
        Assert.Contains("lr_find mlp on data: suggested lr ", NetScript.Hosting.RunEventText.Describe(found));
    }

    /// <summary>y = 1.5·x₁ − 0.5·x₂ + 0.3 + N(0, 0.5²) on standardized, correlated features
    /// (corr 0.8): ZᵀZ/n has eigenvalues 1 ± 0.8 and 1 (the bias column).</summary>
    static TensorDataset Regression(int n)
    {
        manual_seed(7);
        using var scope = NewDisposeScope();
        Tensor x1 = randn(n), x2 = 0.8 * x1 + 0.6 * randn(n);
        Tensor x = stack([x1, x2], 1);                                      // (n, 2)
        x = (x - x.mean([0])) / x.std(0, unbiased: false);
        Tensor y = (1.5 * x[.., 0] - 0.5 * x[.., 1] + 0.3 + 0.5 * randn(n)).unsqueeze(1); // (n, 1)
        return new TensorDataset(x.MoveToOuterDisposeScope(), y.MoveToOuterDisposeScope(), classes: 0);
    }

    static LrFindPlan Plan(double start, double end, int steps)
    {
        TrainPlan train = EnginePlans.Lowered("dense 1", Shape.Of(2), 0, Shape.Of(1), before: "optimizer sgd lr=0.1\n", train: "batch=128 loss=mse");
        return new LrFindPlan("m", "d", start, end, steps, train, default);
    }

    static TrainedModel Build(LrFindPlan plan)
    {
        manual_seed(1);
        return new TrainedModel(plan.Train.Network, ModelBuilder.Build(plan.Train.Network));
    }
}
