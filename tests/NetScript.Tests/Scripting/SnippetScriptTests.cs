using NetScript.Data;
using System.Text.Json;
using NetScript.Hosting;
using NetScript.Language.Diagnostics;
using NetScript.Runtime.Events;

namespace NetScript.Tests.Scripting;

/// <summary>C# losses, metrics and layers in whole scripts run by a session, against known
/// answers: the built-in they re-implement gives the same numbers step for step.</summary>
[Collection(TorchCollection.Name)]
public sealed class SnippetScriptTests
{
    const string Data = """
        seed 7
        threads 1
        load dataset "spiral" classes=3 points=64 noise=0.1 as d
        split d into train=0.75 val=0.25 stratify

        """;

    const string Mlp = """
        model mlp {
          dense 16 -> relu
          dense 3
        }
        optimizer sgd lr=0.2 momentum=0.9

        """;

    /// <summary>Runs a script with a run folder; returns its training folder (RUN/mlp) and events.</summary>
    static (string Folder, SubmissionResult Result, RecordingObserver Events) Run(string script)
    {
        string runs = Scripts.TempDirectory();
        var (result, events) = Scripts.Run(script, runs, "snippets.nns");
        string run = Assert.Single(Directory.GetDirectories(runs));
        return (Path.Combine(run, "mlp"), result, events);
    }

    static double[] StepLosses(string folder) => (double[])ParquetTableReader.Read(Path.Combine(folder, "steps.parquet"))["loss"];

    [Fact]
    public void A_cross_entropy_snippet_trains_exactly_like_the_built_in_loss()
    {
        const string train = "train mlp on train epochs=4 batch=16 validate=val\n";
        var builtIn = Run(Data + Mlp + train.Replace("validate", "loss=cross_entropy validate"));
        var snippet = Run(Data + "loss ce = csharp { (p, t) => F.cross_entropy(p, t) }\n" + Mlp + train.Replace("validate", "loss=ce validate"));
        Assert.True(builtIn.Result.Succeeded && snippet.Result.Succeeded, DiagnosticFormatterText(snippet.Result));

        double[] expected = StepLosses(builtIn.Folder), actual = StepLosses(snippet.Folder);
        Assert.Equal(4 * 9, expected.Length);                      // 144 training rows in batches of 16
        Assert.Equal(expected, actual);                             // bit for bit, step by step
        // It learns (equal losses are not equal by being constant), and accuracy is measured as for the built-in.
        Assert.True(expected[^9..].Average() < 0.8 * expected[0], string.Join(", ", expected));
        var (a, b) = (builtIn.Events.Of<EpochCompleted>().Last(), snippet.Events.Of<EpochCompleted>().Last());
        Assert.Equal((a.Train, a.Validation), (b.Train, b.Validation));
    }

    [Fact]
    public void A_snippet_layer_takes_part_in_the_model_like_the_built_in()
    {
        const string model = "model mlp {\n  dense 16 -> ACT\n  dense 3\n}\noptimizer sgd lr=0.2 momentum=0.9\ntrain mlp on train epochs=3 batch=16\n";
        var builtIn = Run(Data + model.Replace("ACT", "relu"));
        var snippet = Run(Data + "layer rectify = csharp { x => x.relu() }\n" + model.Replace("ACT", "rectify"));
        Assert.True(snippet.Result.Succeeded, DiagnosticFormatterText(snippet.Result));
        Assert.Equal(StepLosses(builtIn.Folder), StepLosses(snippet.Folder));
        // The module is named like a built-in's (statistics and summaries refer to it).
        Assert.Contains(snippet.Events.Of<StatisticsSampled>().First().Layers, l => l.Layer == "rectify1");
    }

    [Fact]
    public void A_custom_metric_is_measured_on_the_validation_data_and_can_stop_training()
    {
        // Re-implementations of val_loss and val_acc, whose values the engine measures itself.
        const string metrics = """
            metric nll = csharp { (p, t) => F.cross_entropy(p, t) }
            metric agree = csharp { (p, t) => (p.argmax(1) == t).to(ScalarType.Float32).mean() }

            """;
        var custom = Run(Data + metrics + Mlp
            + "train mlp on train epochs=30 batch=16 validate=val metrics=[agree] early_stop(metric=val_nll, mode=min, patience=2)\nevaluate mlp on val\n");
        var builtIn = Run(Data + Mlp + "train mlp on train epochs=30 batch=16 validate=val early_stop(metric=val_loss, patience=2)\n");
        Assert.True(custom.Result.Succeeded, DiagnosticFormatterText(custom.Result));

        var epochs = custom.Events.Of<EpochCompleted>().ToList();
        foreach (EpochCompleted e in epochs)
        {
            Assert.Equal(e.Validation!.Loss, e.Validation.Custom!["nll"], 5);   // one pass over all 48 samples vs batch sums
            Assert.Equal(e.Validation.Accuracy, e.Validation.Custom["agree"], 6);
        }
        // Early stopping on the C# metric stops where stopping on the built-in loss does.
        var stopped = Assert.Single(custom.Events.Of<EarlyStopped>());
        var reference = Assert.Single(builtIn.Events.Of<EarlyStopped>());
        Assert.True(epochs.Count < 30);
        Assert.Equal((reference.Epoch, reference.BestEpoch), (stopped.Epoch, stopped.BestEpoch));

        // Shown in the epoch lines, the metrics table, the summary and by evaluate.
        Assert.Contains("  val_agree ", RunEventText.Epoch(epochs[0]));
        var table = ParquetTableReader.Read(Path.Combine(custom.Folder, "epochs.parquet"));
        Assert.Equal(epochs.Select(e => e.Validation!.Custom!["nll"]), ((double[])table["val_nll"]));
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(Path.GetDirectoryName(custom.Folder)!, "summary.json")));
        Assert.True(summary.RootElement.GetProperty("Training").GetProperty("mlp").GetProperty("Validation").GetProperty("Custom").TryGetProperty("agree", out _));
        var evaluation = Assert.Single(custom.Events.Of<EvaluationCompleted>());
        Assert.Equal(evaluation.Metrics.Accuracy, evaluation.Metrics.Custom!["agree"], 6);
    }

    [Fact]
    public void A_snippet_that_fails_while_training_stops_the_run_at_its_line_and_keeps_the_checkpoints()
    {
        // 144 samples per epoch in batches of 16: 9 steps. The probe at check time is call 1, so call 25 is in epoch 3.
        string key = "calls-" + Guid.NewGuid().ToString("N");
        string script = Data + Mlp.Replace("model mlp", $$"""
            loss flaky = csharp {
              (p, t) =>
              {
                var calls = (int)(AppContext.GetData("{{key}}") ?? 0) + 1;
                AppContext.SetData("{{key}}", calls);
                if (calls == 25) throw new InvalidOperationException("call 25 fails");
                return F.cross_entropy(p, t);
              }
            }
            model mlp
            """) + "train mlp on train epochs=5 batch=16 loss=flaky\n";
        var (folder, result, events) = Run(script);

        Diagnostic failure = result.Execution!.Failure!;
        Assert.Equal("NS0807", failure.Id);
        Assert.Equal(10, failure.Location!.Value.Line);                   // the `throw` line of the snippet
        string checkpoint = Path.Combine(folder, "last.ckpt");
        Assert.Equal($"loss `flaky` failed: InvalidOperationException: call 25 fails; the last checkpoint is {checkpoint} (continue with resume=\"{checkpoint}\")",
            failure.Message);
        Assert.Equal(2, events.Of<CheckpointSaved>().Count());        // epochs 1 and 2, kept
        Assert.True(File.Exists(checkpoint));
    }

    [Fact]
    public void A_matmul_that_would_abort_the_process_while_training_stops_the_run_with_a_diagnostic()
    {
        // Fine on the checker's dummy batches (7 and 11 rows); the last batch of an epoch has 4
        // (144 = 7 × 20 + 4), where an unguarded matmul would take the whole process down.
        string script = Data + Mlp.Replace("dense 16 -> relu", "dense 16 -> odd")
            .Replace("model mlp", "layer odd = csharp { x => x.shape[0] == 4 ? x.matmul(x) : x.relu() }\nmodel mlp")
            + "train mlp on train epochs=2 batch=20\n";
        var (_, result, events) = Run(script);
        Diagnostic failure = result.Execution!.Failure!;
        Assert.Equal("snippets.nns:5:27: error NS0807: layer `odd` failed: matmul: shapes [4, 16] and [4, 16] cannot be multiplied (16 != 4)", failure.ToString());
        Assert.Empty(events.Of<EpochCompleted>());
    }

    static string DiagnosticFormatterText(SubmissionResult result) => DiagnosticFormatter.FormatAll(result.Diagnostics);
}
