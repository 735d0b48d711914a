using NetScript.Data;
using NetScript.Language;
using NetScript.Language.Diagnostics;
using NetScript.Language.Lowering;
using NetScript.Language.Semantics;
using NetScript.Language.Text;
using NetScript.Runtime;
using NetScript.Runtime.Data;
using NetScript.Runtime.Events;
using NetScript.Runtime.Execution;
using NetScript.Runtime.Models;
using NetScript.Runtime.Recording;
using NetScript.Runtime.Training;
using NetScript.Runtime.Training.Schedules;
using NetScript.Tests.Cli;
using NetScript.Tests.Runtime.Statistics;
using static TorchSharp.torch;

using NetScript.Tests.Runtime.Recording;
using NetScript.Tests.Runtime.Training;

namespace NetScript.Tests.Runtime.Training.Schedules;

/// <summary>Learning-rate schedules: each curve at chosen updates against values worked out by
/// hand from its formula (lr₀ = 0.1, 10 updates per epoch, 50 in all), warmup, the rate the
/// optimizer really steps with, the logs, and resuming.</summary>
[Collection(TorchCollection.Name)]
public sealed class ScheduleTests
{
    internal static LearningRateSchedule Resolve(string schedule, double lr = 0.1, long perEpoch = 10, long total = 50)
    {
        var compilation = Compilation.Create(SourceText.From(schedule, "schedule.nns"), new CompilationOptions(new CatalogResolver()));
        Assert.False(compilation.HasErrors, DiagnosticFormatter.FormatAll(compilation.Diagnostics));
        var settings = Lowerer.Schedule(compilation.Program!.Steps.OfType<ScheduleStep>().Single().Schedule);
        return LearningRateSchedule.Create(settings, lr, perEpoch, total, "m");
    }

    static void AssertRates(LearningRateSchedule schedule, params (long Update, double Rate)[] expected) =>
        Assert.All(expected, e => Assert.Equal(e.Rate, schedule.At(e.Update), 12));

    [Fact]
    public void Constant_with_warmup_ramps_linearly_then_holds()
    {
        // W = 20: lr₀·(u+1)/20, reaching lr₀ at u = 19.
        AssertRates(Resolve("schedule constant warmup=20 steps"), (0, 0.005), (9, 0.05), (19, 0.1), (20, 0.1), (49, 0.1));
        AssertRates(Resolve("schedule constant"), (0, 0.1), (49, 0.1));
    }

    [Fact]
    public void Step_and_multistep_drop_by_gamma_at_their_boundaries()
    {
        // every = 2 epochs = 20 updates: 0.1·0.5^⌊u/20⌋.
        AssertRates(Resolve("schedule step every=2 epochs gamma=0.5"), (0, 0.1), (19, 0.1), (20, 0.05), (39, 0.05), (40, 0.025));
        AssertRates(Resolve("schedule step every=7 steps"), (6, 0.1), (7, 0.01), (14, 0.001));
        // Warmup 0.5 epoch = 5 updates; milestones (epochs 1 and 3 after it) at t = 10 and 30, i.e. u = 15 and 35.
        AssertRates(Resolve("schedule multistep milestones=[1, 3] warmup=0.5 epoch"),
            (0, 0.02), (4, 0.1), (5, 0.1), (14, 0.1), (15, 0.01), (34, 0.01), (35, 0.001), (49, 0.001));
    }

    [Fact]
    public void Exponential_decays_by_gamma_per_epoch_smoothly()
    {
        // 0.1·0.5^(u/10): half an epoch is a factor √0.5, 2.5 epochs 0.5^2.5.
        AssertRates(Resolve("schedule exponential gamma=0.5"), (0, 0.1), (5, 0.0707106781186548), (10, 0.05), (25, 0.0176776695296637));
    }

    [Fact]
    public void Cosine_and_linear_end_at_min_lr_after_warmup()
    {
        // W = 10, N = 40: 0.01 + 0.09·(1 + cos(π·t/40))/2 with t = u − 10;
        // t = 10: cos(π/4) = 0.70710678 → 0.0868198; t = 20: cos(π/2) = 0 → 0.055;
        // t = 39: cos(39π/40) = −0.99691733 → 0.0101387.
        AssertRates(Resolve("schedule cosine min_lr=0.01 warmup=1 epoch"),
            (0, 0.01), (4, 0.05), (9, 0.1), (10, 0.1), (20, 0.0868198051533946), (30, 0.055), (49, 0.0101387199820092));
        // N = 50: 0.1·(1 − u/50).
        AssertRates(Resolve("schedule linear"), (0, 0.1), (25, 0.05), (49, 0.002));
    }

    [Fact]
    public void Cosine_with_restarts_anneals_over_each_cycle_and_jumps_back_to_lr0()
    {
        // T₀ = 1 epoch = 10 updates, T_mult = 1: lr = 0.01 + 0.09·(1 + cos(π·(u mod 10)/10))/2.
        // u mod 10 = 0: 0.1; = 5: cos(π/2) = 0 → 0.055; = 9: cos(0.9π) = −0.95105652 → 0.01 + 0.09·0.02447174 = 0.01220246.
        var every = Resolve("schedule cosine min_lr=0.01 cycle=1 epoch");
        AssertRates(every, (0, 0.1), (5, 0.055), (9, 0.0122024567667), (10, 0.1), (15, 0.055), (19, 0.0122024567667), (40, 0.1), (49, 0.0122024567667));
        Assert.True(every.Cyclic);
        Assert.Equal([10L, 20, 30, 40, 50], Enumerable.Range(1, 50).Select(u => (long)u).Where(every.EndsCycle));

        // Warmup 1 epoch (W = 10), T₀ = 5 steps, T_mult = 2: after warmup (t = u − 10) the cycles are
        // t ∈ [0, 5), [5, 15), [15, 35), [35, 75) — PyTorch's CosineAnnealingWarmRestarts(T_0=5, T_mult=2):
        // t = 4: 0.1·(1 + cos(4π/5))/2 = 0.1·(1 − 0.80901699)/2 = 0.00954915; t = 5 restarts at 0.1;
        // t = 10 is half of the 10-update cycle: 0.05; t = 14: 0.1·(1 + cos(0.9π))/2 = 0.00244717;
        // t = 25 is half of the 20-update cycle: 0.05; t = 35 restarts.
        var doubling = Resolve("schedule cosine cycle=5 steps cycle_mult=2 warmup=1 epoch");
        AssertRates(doubling, (0, 0.01), (9, 0.1), (10, 0.1), (14, 0.00954915028125263), (15, 0.1), (20, 0.05), (24, 0.00244717418524232),
            (25, 0.1), (35, 0.05), (44, 0.1 * (1 + Math.Cos(Math.PI * 19 / 20)) / 2), (45, 0.1), (49, 0.1 * (1 + Math.Cos(Math.PI * 4 / 40)) / 2));
        // Cycles end after 15, 25 and 45 updates (t = 5, 15, 35); warmup is no cycle.
        Assert.Equal([15L, 25, 45], Enumerable.Range(1, 50).Select(u => (long)u).Where(doubling.EndsCycle));
        // Without `cycle=` cosine anneals once and has no cycles.
        Assert.False(Resolve("schedule cosine").Cyclic);
    }

    [Fact]
    public void Onecycle_follows_pytorchs_two_phases()
    {
        // max 1, start 1/25 = 0.04, end 0.04/10⁴ = 4e-6; phase one ends at u = 0.3·50 − 1 = 14, phase two at 49.
        // cos, u = 3: 1 + (0.04 − 1)/2·(cos(3π/14) + 1) with cos(3π/14) = 0.78183148 → 0.1447209;
        // u = 28: pct = 14/35 = 0.4, 4e-6 + (1 − 4e-6)/2·(cos(0.4π) + 1) with cos(0.4π) = 0.30901699 → 0.6545099.
        AssertRates(Resolve("schedule onecycle max_lr=1"),
            (0, 0.04), (3, 0.144720888415346), (7, 0.52), (14, 1.0), (28, 0.654509879153485), (49, 4e-6));
        // linear: u = 3 → 0.04 + 0.96·3/14; u = 28 → 1 + (4e-6 − 1)·0.4.
        AssertRates(Resolve("schedule onecycle max_lr=1 anneal=linear"), (3, 0.245714285714286), (28, 0.6000016), (49, 4e-6));
        // Without max_lr the peak is the optimizer's rate.
        AssertRates(Resolve("schedule onecycle"), (0, 0.004), (14, 0.1));
    }

    [Fact]
    public void A_warmup_as_long_as_the_training_is_refused()
    {
        var failure = Assert.Throws<RuntimeFailure>(() => Resolve("schedule cosine warmup=5 epochs"));
        Assert.Equal("NS0723", failure.Descriptor.Id);
        Assert.Equal("the schedule's warmup of 5 epochs (50 updates) does not end before training of `m` does (50 updates in all)",
            failure.Descriptor.Format(failure.Arguments));
    }

    [Fact]
    public void The_optimizer_steps_with_the_scheduled_rate()
    {
        // One weight w₀ = 1, one sample x = 1 with target 0, MSE: the gradient is 2w, so SGD gives
        // w ← w·(1 − 2·lr). Step decay halves lr every update: 0.1, 0.05, 0.025 → 0.8·0.9·0.95.
        Assert.Equal(0.684, TrainOneWeight("schedule step every=1 step gamma=0.5"), 6);
        // Warmup over 4 updates: 0.025, 0.05, 0.075, 0.1, then 0.1 → 0.95·0.9·0.85·0.8·0.8.
        Assert.Equal(0.46512, TrainOneWeight("schedule constant warmup=4 steps", epochs: 5), 6);
        Assert.Equal(0.512, TrainOneWeight(""), 6);
    }

    internal static double TrainOneWeight(string schedule, string after = "", string optimizer = "optimizer sgd lr=0.1", int epochs = 3)
    {
        TrainPlan step = EnginePlans.Lowered("dense 1 bias=false\ninit constant 1", Shape.Of(1), targets: Shape.Of(1),
            before: optimizer + "\n" + schedule + "\n", after: after, train: $"epochs={epochs} batch=1 loss=mse");
        using var data = new TensorDataset(ones(1, 1), zeros(1, 1), classes: 0);
        using var model = new TrainedModel(step.Network, ModelBuilder.Build(step.Network));
        var request = new TrainRequest(model, "d", data, null, step, Seed: 1)
        {
        };
        Trainer.Train(request, new RecordingObserver(), CancellationToken.None);
        return model.Module.parameters().Single().item<float>();
    }

    const string Script = TrainingLoopTests.Data + """
        model m { dense 16 -> relu; dense 3 }
        optimizer sgd lr=0.1 momentum=0.9
        schedule cosine warmup=1 epoch
        train m on train epochs=4 batch=16 validate=val

        """;

    static double Cosine(long u) => u < 6 ? 0.1 * (u + 1) / 6 : 0.1 * (1 + Math.Cos(Math.PI * (u - 6) / 18)) / 2;

    [Fact]
    public void Epochs_and_steps_parquet_record_the_scheduled_rates()
    {
        // 96 training samples in batches of 16: 6 updates per epoch, 24 in all, 6 of warmup.
        string runs = Scripts.TempDirectory();
        var folder = RunFolder.Create(runs, "schedule.nns", Script);
        var observer = new RecordingObserver();
        using var workspace = new Workspace();
        var result = Pipelines.Execute(Script, workspace, observer, runFolder: folder);
        Assert.True(result.Succeeded, result.Failure?.Message);
        Assert.Equal("sgd(lr=0.1, momentum=0.9, nesterov=false, weight_decay=0, decay_all=false), schedule cosine(min_lr=0, warmup=1 epoch)",
            observer.Of<TrainingStarted>().Single().Optimizer);

        var epochs = ParquetTableReader.Read(Path.Combine(folder.Path, "m", "epochs.parquet"));
        double[] epochRates = ((double[])epochs["lr"]);
        Assert.Equal(4, epochRates.Length);
        for (int e = 1; e <= 4; e++)
            Assert.Equal(Cosine(6 * e - 1), epochRates[e - 1], 12); // the rate of the epoch's last update
        Assert.Equal(observer.Of<EpochCompleted>().Count(), epochRates.Length);

        double[] stepRates = (double[])ParquetTableReader.Read(Path.Combine(folder.Path, "m", "steps.parquet"))["lr"];
        Assert.Equal(Enumerable.Range(0, 24).Select(u => Cosine(u)), stepRates, (a, b) => Math.Abs(a - b) < 1e-12);
        // Warmup 0.1·(u+1)/6, then t = u − 6 of 18: u = 15 is t = 9, halfway, 0.05.
        Assert.All(new[] { (0, 0.1 / 6), (2, 0.05), (5, 0.1), (6, 0.1), (15, 0.05) }, p => Assert.Equal(p.Item2, stepRates[p.Item1], 12));

        // TensorBoard plots every update's rate at its step (float32).
        var plotted = Directory.GetFiles(Path.Combine(folder.Path, "m"), "events.out.tfevents.*")
            .SelectMany(TensorBoardEvents.Read)
            .SelectMany(e => e.Summary?.Value.Where(v => v.Tag == "train/step_lr").Select(v => (e.Step, v.SimpleValue)) ?? [])
            .OrderBy(p => p.Step).ToList();
        Assert.Equal(Enumerable.Range(1, 24).Select(s => (long)s), plotted.Select(p => p.Step));
        Assert.Equal(stepRates.Select(r => (float)r), plotted.Select(p => p.SimpleValue));
    }

    [Fact]
    public void Resuming_mid_epoch_continues_on_the_same_curve()
    {
        float[][] Weights(Workspace w) => TrainingLoopTests.Weights(w);
        using var straightSpace = new Workspace();
        Assert.True(Pipelines.Execute(Script, straightSpace).Succeeded);
        float[][] straight = Weights(straightSpace);

        string runs = Scripts.TempDirectory();
        var first = RunFolder.Create(runs, "resume.nns", Script);
        using (var cancel = new CancellationTokenSource())
        using (var stopped = new Workspace())
        {
            var observer = new CheckpointTests.CallbackObserver(e =>
            {
                if (e is TrainingProgress { Epoch: 2, Step: 3 }) cancel.Cancel();
            });
            Assert.Equal("NS0702", Pipelines.Execute(Script, stopped, observer, cancel.Token, first, TimeSpan.Zero).Failure?.Id);
        }
        string checkpoint = Path.Combine(first.Path, "m", "last.ckpt");
        using var resumed = new Workspace();
        var result = Pipelines.Execute(Script.Replace("validate=val", $"validate=val resume=\"{checkpoint}\""), resumed);
        Assert.True(result.Succeeded, result.Failure?.Message);
        Assert.Equal(straight, Weights(resumed));

        // Another schedule (here: the same one over more epochs) does not continue "exactly".
        using var other = new Workspace();
        var refused = Pipelines.Execute(Script.Replace("epochs=4", "epochs=5").Replace("validate=val", $"resume=\"{checkpoint}\""), other);
        Assert.Equal("NS0710", refused.Failure?.Id);
        Assert.Contains("it was trained with schedule cosine(min_lr=0, warmup=1 epoch): 6 updates per epoch, 6 of warmup, 24 in all, "
            + "this run uses cosine(min_lr=0, warmup=1 epoch): 6 updates per epoch, 6 of warmup, 30 in all", refused.Failure!.Message);
    }

    [Fact]
    public void A_warmup_longer_than_the_training_is_reported_at_the_train_statement()
    {
        // The row count is known before anything runs, so `check` reports it.
        string script = Script.Replace("warmup=1 epoch", "warmup=30 steps");
        var compilation = Compilation.Create(SourceText.From(script, "test.nns"), new CompilationOptions(new CatalogResolver()));
        var error = Assert.Single(compilation.Diagnostics, d => d.IsError);
        Assert.Equal("NS0723", error.Id);
        Assert.Equal("the schedule's warmup of 30 steps (30 updates) does not end before training of `m` does (24 updates in all)", error.Message);
        Assert.StartsWith("train m", script[script.LastIndexOf('\n', error.Span.Start)..].TrimStart('\n'));
    }
}
