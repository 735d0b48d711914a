using NetScript.Data;
using NetScript.Language.Lowering;
using NetScript.Language.Semantics;
using NetScript.Runtime.Events;
using NetScript.Runtime.Execution;
using NetScript.Runtime.LrFind;
using NetScript.Runtime.Models;
using NetScript.Runtime.Recording;
using NetScript.Tests.Language.Semantics;
using NetScript.Tests.Runtime.Models;
using NetScript.Tests.Runtime.Recording;
using NetScript.Tests.Runtime.Training;
using NetScript.Tests.Runtime.Training.Losses;
using NetScript.Tests.Runtime.Training.Optimizers;
using NetScript.Tests.Runtime.Training.Regularization;
using NetScript.Tests.Runtime.Training.Schedules;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace NetScript.Tests.Runtime.LrFind;

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
    public void The_valley_is_the_longest_decreasing_run_and_the_suggestion_sits_about_halfway_along_it()
    {
        // 17 tried of 10 planned: the rules read indices 1 … 11 (the first tenth, index 0, and the
        // last 5 are left out; both hold values that would lengthen the valley if they counted).
        // Window values, by window index w: 5, 4, 4.5, 3, 2.5, 2, 1.5, 1.4, 3, 1.0, 6. The longest
        // strictly decreasing subsequence ending at w (skipping bumps): 1, 2, 2, 3, 4, 5, 6, 7, 3,
        // 8, 1 — so the valley ends at w = 9 with length L = 8 (5 > 4 > 3 > 2.5 > 2 > 1.5 > 1.4 > 1.0,
        // skipping the bumps at w = 2 and w = 8); it starts at s = 9 − 8 = 1 and the suggestion is
        // s + ⌊8/3⌋ + ⌊8/6⌋ = 1 + 2 + 1 = 4, i.e. index 1 + 4 = 5 of the curve. (Two thirds of
        // the way, s + 8·2/3, would be w = 6, index 7.)
        double[] loss = [9, 5, 4, 4.5, 3, 2.5, 2, 1.5, 1.4, 3, 1.0, 6, 0.1, 0.1, 0.1, 0.1, 0.1];
        Assert.Equal(5, LearningRateFinder.ValleyIndex(loss, 10));
        Assert.Equal((1, 12), LearningRateFinder.Window(loss.Length, 10));
    }

    [Fact]
    public void The_valley_of_a_clean_descent_suggests_its_middle()
    {
        // 100 rates: flat at 1 up to index 30, a straight fall of 0.02 a step to 0.2 at index 70,
        // then a quadratic rise. Flat points do not chain (the run must strictly decrease), so the
        // longest run is index 30 (any flat point) … 70: L = 41 ending at e = 70, s = 29, and the
        // suggestion is 29 + ⌊41/3⌋ + ⌊41/6⌋ = 29 + 13 + 6 = 48, where the loss is 0.64 (of 1 → 0.2).
        double[] loss = [.. Enumerable.Range(0, 100).Select(i => i <= 30 ? 1.0 : i <= 70 ? 1 - 0.02 * (i - 30) : 0.2 + 0.05 * (i - 70) * (i - 70))];
        Assert.Equal(48, LearningRateFinder.ValleyIndex(loss, 100));
        double[] rates = LearningRateFinder.Rates(1e-5, 10, 100);
        var result = new LrFindResult(rates, loss, loss, 100, null);
        Assert.Equal(rates[48], result.Suggested); // valley is the default rule
        Assert.Equal(rates[48], result.Suggestion(LrSuggestion.Valley));
        // The minimum rule: the lowest loss in the window (index 70), a tenth of its rate.
        Assert.Equal(rates[70] / 10, result.Suggestion(LrSuggestion.Minimum), 1e-15);
        Assert.Equal(rates[LearningRateFinder.SteepestIndex(loss, 100)], (result with { Rule = LrSuggestion.Steepest }).Suggested);
    }

    [Fact]
    public void The_valley_search_agrees_with_the_definition_on_random_curves()
    {
        // The definition, directly: d(i) = 1 + max d(j) over j < i with loss[j] > loss[i]; the
        // valley ends at the first i of the largest d. Random walks with ties (values rounded to
        // 0.1) and lengths from 1 to 120, including curves shorter than the window.
        var random = new Random(11);
        for (int trial = 0; trial < 400; trial++)
        {
            int n = random.Next(1, 121), planned = random.Next(2, 130);
            double[] loss = new double[n];
            for (int i = 0; i < n; i++) loss[i] = Math.Round((i == 0 ? 5 : loss[i - 1]) + random.NextDouble() - 0.6, 1);
            var (first, end) = LearningRateFinder.Window(n, planned);
            int[] d = new int[n];
            int valleyEnd = first;
            for (int i = first; i < end; i++)
            {
                d[i] = 1;
                for (int j = first; j < i; j++) if (loss[j] > loss[i]) d[i] = Math.Max(d[i], d[j] + 1);
                if (d[i] > d[valleyEnd]) valleyEnd = i;
            }
            int length = d[valleyEnd], expected = Math.Max(first, valleyEnd - length + length / 3 + length / 6);
            Assert.Equal(expected, LearningRateFinder.ValleyIndex(loss, planned));
        }
    }

    [Fact]
    public void The_minimum_rule_reads_the_lowest_loss_inside_the_window()
    {
        // The curve's lowest value is among the last 5 (left out): the rule reads index 6, the
        // lowest of indices 1 … 11, and suggests a tenth of its rate; the lowest over every
        // tried rate (printed as "lowest loss at") is index 14.
        double[] loss = [3, 2.9, 2.8, 2.5, 2.2, 2.1, 1.0, 1.2, 1.5, 2, 3, 4, 5, 6, 0.5, 8, 9];
        double[] rates = LearningRateFinder.Rates(1e-4, 1, 17);
        var result = new LrFindResult(rates, loss, loss, 10, 1.0) { Rule = LrSuggestion.Minimum };
        Assert.Equal(6, LearningRateFinder.WindowMinimumIndex(loss, 10));
        Assert.Equal(rates[6] / 10, result.Suggested, 1e-15);
        Assert.Equal(rates[14], result.Minimum);
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
        Assert.Equal(LrSuggestion.Valley, find.Suggest);
        foreach (var (text, rule) in new[] { ("steepest", LrSuggestion.Steepest), ("minimum", LrSuggestion.Minimum), ("valley", LrSuggestion.Valley) })
        {
            var chosen = EnginePlans.Check("dense 3", Shape.Of(2), after: $"lr_find m on train suggest={text}\n", train: "epochs=1");
            Assert.False(chosen.HasErrors, NetScript.Language.Diagnostics.DiagnosticFormatter.FormatAll(chosen.Diagnostics));
            Assert.Equal(rule, Assert.Single(Lowerer.Lower(chosen.Program!).Steps.OfType<LrFindPlan>()).Suggest);
        }
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
            + $"{result.Rates.Length} of {plan.Steps} rates), suggested {result.Suggested:G3} (valley; steepest {result.Suggestion(LrSuggestion.Steepest):G3}, "
            + $"minimum/10 {result.Suggestion(LrSuggestion.Minimum):G3})");
        Assert.InRange(diverged / bound, 1.0, 1.6);
        Assert.InRange(result.Suggested, plan.Start * 1.0001, bound);
    }

    [Fact]
    public void Each_rate_is_one_training_step_zero_grad_forward_loss_backward_clip_update()
    {
        // The range test's losses against the loop written out with torch: the seed's permutation
        // (a new one each pass over the data), SGD with momentum, clip_grad_norm_ at 0.5.
        using var data = Regression(256);
        TrainPlan train = EnginePlans.Lowered("dense 1", Shape.Of(2), 0, Shape.Of(1), before: "optimizer sgd lr=0.1 momentum=0.9\n",
            train: "batch=128 loss=mse clip_norm=0.5");
        var plan = new LrFindPlan("m", "d", 1e-2, 0.5, 7, train, default);
        using var model = Build(plan);
        LrFindResult result = LearningRateFinder.Run(plan, model, data, seed: 1, snippets: null, CancellationToken.None);
        Assert.Equal(7, result.Losses.Length);

        double[] Loop(bool clip)
        {
            using var copy = Build(plan); // the tested model's initial weights
            var parameters = copy.Module.parameters().ToList();
            using var optimizer = optim.SGD(parameters, 0.1, momentum: 0.9);
            using var generator = new Generator(1);
            var losses = new double[result.Rates.Length];
            Tensor order = empty(0);
            for (int step = 0; step < losses.Length; step++)
            {
                using var scope = NewDisposeScope();
                if (step % 2 == 0)
                {
                    order.Dispose();
                    order = randperm(256, generator: generator).MoveToOuterDisposeScope();
                }
                foreach (var group in optimizer.ParamGroups) group.LearningRate = result.Rates[step];
                Tensor index = order.narrow(0, step % 2 * 128, 128);
                optimizer.zero_grad();
                Tensor loss = nn.functional.mse_loss(copy.Module.call(data.Features.index_select(0, index)), data.Labels.index_select(0, index));
                loss.backward();
                if (clip) nn.utils.clip_grad_norm_(parameters, 0.5);
                optimizer.step();
                losses[step] = loss.item<float>();
            }
            order.Dispose();
            return losses;
        }
        double[] expected = Loop(clip: true), unclipped = Loop(clip: false);
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], result.Losses[i], Math.Abs(expected[i]) * 1e-5);
        Assert.True(Math.Abs(unclipped[^1] - expected[^1]) > 1e-3 * Math.Abs(expected[^1]), "clipping changes this run"); // so the comparison covers it
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
        Assert.Equal(rates[LearningRateFinder.ValleyIndex(smoothed, 40)], found.Suggested);
        Assert.Equal(LrSuggestion.Valley, found.Rule);
        Assert.Null(found.PretrainedFactor);
        Assert.False(table.ContainsKey("lr_pretrained"));
        Assert.Equal((900, 560), NetScript.Tests.Runtime.Statistics.Png.Size(Path.Combine(folder.Path, "lr_find.png")));
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(folder.Path, "lr_find.json")));
        var root = json.RootElement;
        Assert.Equal(found.Suggested, root.GetProperty("suggested_lr").GetDouble());
        Assert.Equal("valley", root.GetProperty("suggested_by").GetString());
        var suggestions = root.GetProperty("suggestions");
        Assert.Equal(found.Suggested, suggestions.GetProperty("valley").GetDouble());
        Assert.Equal(rates[LearningRateFinder.SteepestIndex(smoothed, 40)], suggestions.GetProperty("steepest").GetDouble());
        Assert.Equal(rates[LearningRateFinder.WindowMinimumIndex(smoothed, 40)] / 10, suggestions.GetProperty("minimum").GetDouble(), 1e-15);
        var group = Assert.Single(root.GetProperty("parameter_groups").EnumerateArray()); // sgd without weight decay: one group
        Assert.Equal(1, group.GetProperty("rate_factor").GetDouble());
        Assert.Equal(["dense1", "dense2"], group.GetProperty("layers").EnumerateArray().Select(l => l.GetString()));
        Assert.Contains("lr_find mlp on data: suggested lr ", NetScript.Hosting.RunEventText.Describe(found));
        Assert.Contains("(middle of the longest valley of the smoothed loss; not applied)", NetScript.Hosting.RunEventText.Describe(found));
    }

    [Fact]
    public void After_a_transfer_with_lr_mult_every_step_moves_the_pretrained_layers_at_lr_mult_times_the_tested_rate()
    {
        // A 3-class model, exported, transferred to 4 classes: dense1 frozen, batchnorm1
        // pretrained at lr × 0.1, the replaced head dense2 at lr. The range test runs on the
        // replaced model (the 3-class head could not be tested on 4 classes), and the training
        // after it ends bit for bit where the same training without the range test ends.
        string folder = Scripts.TempDirectory(), file = Path.Combine(folder, "base.nnsm");
        string pretrain = $$"""
            seed 3
            threads 1
            load dataset "spiral" classes=3 points=40 as d
            model mlp {
              dense 16 -> batchnorm -> relu
              dense 3
            }
            optimizer sgd lr=0.05 momentum=0.9
            train mlp on d epochs=2 batch=16
            export mlp to "{{file}}"

            """;
        using (var base_ = new Workspace()) Assert.True(Pipelines.Execute(pretrain, base_).Succeeded);
        string Tuned(string lrFind) => $$"""
            seed 4
            threads 1
            load dataset "spiral" classes=4 points=30 as four
            model mlp {
              dense 16 -> batchnorm -> relu
              dense 3
            }
            optimizer sgd lr=0.05 momentum=0.9
            transfer mlp from "{{file}}" freeze=[dense1] replace=dense:last lr_mult=0.1 as tuned
            {{lrFind}}
            train tuned on four epochs=2 batch=16

            """;
        string script = Tuned("lr_find tuned on four start=1e-4 end=10 steps=30 batch=16");
        var observer = new RecordingObserver();
        var run = RunFolder.Create(Scripts.TempDirectory(), "tuned.nns", script);
        using var tested = new Workspace();
        var result = Pipelines.Execute(script, tested, observer, runFolder: run);
        Assert.True(result.Succeeded, result.Failure?.Message);

        var found = Assert.Single(observer.Of<LrFindCompleted>());
        Assert.Equal(0.1, found.PretrainedFactor);
        Assert.Contains("pretrained layers at lr × 0.1, ", NetScript.Hosting.RunEventText.Describe(found));
        var table = ParquetTableReader.Read(Path.Combine(run.Path, "lr_find.parquet"));
        double[] rates = (double[])table["lr"], pretrained = (double[])table["lr_pretrained"];
        Assert.True(rates.Length >= 5, $"{rates.Length} rates tried");
        for (int i = 0; i < rates.Length; i++) Assert.Equal(0.1, pretrained[i] / rates[i], 12);
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(run.Path, "lr_find.json")));
        var groups = json.RootElement.GetProperty("parameter_groups").EnumerateArray()
            .Select(g => (Layers: string.Join(",", g.GetProperty("layers").EnumerateArray().Select(l => l.GetString())), Factor: g.GetProperty("rate_factor").GetDouble()))
            .ToList();
        Assert.Equal(new[] { ("dense2", 1.0), ("batchnorm1", 0.1) }, groups); // dense1 is frozen: in no group

        using var untested = new Workspace();
        var plain = Pipelines.Execute(Tuned(""), untested);
        Assert.True(plain.Succeeded, plain.Failure?.Message);
        var after = tested.Models["tuned"].Module.state_dict();
        foreach (var (name, tensor) in untested.Models["tuned"].Module.state_dict())
            Assert.True(tensor.equal(after[name]).all().item<bool>(), $"{name} differs after the range test");
        Assert.Equal([4L, 16L], after["dense2.weight"].shape);
    }

    [Fact]
    public void The_recorded_group_rates_are_those_the_optimizer_held_at_each_step()
    {
        // Direct: a plan with fine-tuning (dense1 pretrained at lr × 0.25, dense2 replaced), Adam
        // with weight decay (two groups per factor: weights, then biases without decay).
        TrainPlan train = EnginePlans.Lowered("dense 8 -> relu\ndense 3", Shape.Of(2), before: "optimizer adam lr=0.01 weight_decay=0.01\n", train: "batch=16")
            with { FineTuning = new FineTuneSpec([], "dense2") { LearningRateMultiplier = 0.25 } };
        var plan = new LrFindPlan("m", "d", 1e-4, 1, 20, train, default);
        manual_seed(2);
        using var data = new TensorDataset(randn(200, 2), randint(0, 3, [200]), classes: 3);
        using var model = Build(plan);
        LrFindResult result = LearningRateFinder.Run(plan, model, data, seed: 1, snippets: null, CancellationToken.None);
        Assert.Equal(["dense2 × 1", "dense2 × 1", "dense1 × 0.25", "dense1 × 0.25"], result.Groups.Select(g => $"{string.Join(", ", g.Layers)} × {g.Factor.ToString(System.Globalization.CultureInfo.InvariantCulture)}"));
        foreach (var group in result.Groups)
            for (int i = 0; i < result.Rates.Length; i++) Assert.Equal(group.Factor * result.Rates[i], group.Rates[i], 1e-15);
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
