using System.Text.Json;
using NetScript.Data;
using NetScript.Runtime.Events;
using NetScript.Runtime.Execution;
using NetScript.Runtime.Recording;

namespace NetScript.Tests.Runtime.Execution;

/// <summary>`kfold` and `train MODEL on FOLDS`, against answers computed by hand from the raw
/// spiral, the split indices and the fold indices: which rows each fold holds out, the
/// statistics each fold's preprocessing was fitted on, and the mean ± sample std reported.</summary>
[Collection(TorchCollection.Name)]
public sealed class CrossValidationTests
{
    // 3 classes × 40 points; train = 30 per class = 90 rows; 4 stratified folds hold out 23, 23, 22, 22.
    const string Data = """
        seed 5
        threads 1
        load dataset "spiral" classes=3 points=40 noise=0.2 as data
        split data into train=0.75 test=0.25 stratify
        kfold train k=4 stratify as folds
        preprocess { standardize eps=0 }
        model mlp { dense 16 -> relu; dense 3 }
        optimizer adam lr=0.02

        """;

    const string CrossValidate = "train mlp on folds epochs=2 batch=16 stats=0 checkpoint=false\n";

    [Fact]
    public void Every_training_row_is_held_out_exactly_once_and_classes_stay_in_proportion()
    {
        var (run, workspace, _) = Execute(Data + CrossValidate);
        using (workspace)
        {
            FoldSet set = workspace.Folds["folds"];
            long[] labels = set.Data.LabelArray();
            Assert.Equal(90, labels.Length);
            Assert.Equal(Enumerable.Range(0, 90).Select(i => (long)i), set.Folds.SelectMany(f => f.Validation).Order());
            foreach (Fold fold in set.Folds)
                Assert.Equal(Enumerable.Range(0, 90).Select(i => (long)i), fold.Train.Concat(fold.Validation).Order());
            for (long label = 0; label < 3; label++)
            {
                var counts = set.Folds.Select(f => f.Validation.Count(i => labels[i] == label)).ToArray();
                Assert.True(counts.Max() - counts.Min() <= 1, $"class {label}: {string.Join(", ", counts)}");
            }
            // The runtime's folds are DatasetSplitter's for the train split's labels and the session seed.
            Fold[] expected = DatasetSplitter.KFold(workspace.Dataset("train").LabelArray(), 4, stratify: true, seed: 5);
            Assert.Equal(expected.Select(f => f.Validation), set.Folds.Select(f => f.Validation));

            var table = ParquetTableReader.Read(Path.Combine(run, "folds.parquet"));
            Assert.Equal(["mlp", "mlp", "mlp", "mlp"], (string[])table["model"]);
            Assert.Equal([1L, 2, 3, 4], (long[])table["fold"]);
            Assert.Equal(set.Folds.Select(f => (long)f.Validation.Length), (long[])table["rows_val"]);
            Assert.Equal(set.Folds.Select(f => (long)f.Train.Length), (long[])table["rows_train"]);
            Assert.Equal(90, ((long[])table["rows_val"]).Sum());
            Assert.Equal([23L, 23, 22, 22], ((long[])table["rows_val"]).OrderDescending());
            for (int i = 1; i <= 4; i++)
                Assert.True(File.Exists(Path.Combine(run, $"mlp-fold{i}", "epochs.parquet")), $"mlp-fold{i}/epochs.parquet");
        }
    }

    [Fact]
    public void The_summary_holds_the_mean_and_sample_std_of_the_folds()
    {
        var (run, workspace, observer) = Execute(Data + CrossValidate);
        workspace.Dispose();
        var table = ParquetTableReader.Read(Path.Combine(run, "folds.parquet"));
        double[] loss = (double[])table["val_loss"], accuracy = (double[])table["val_accuracy"];
        long[] rows = (long[])table["rows_val"];

        // Per fold, the table has what the fold reported; accuracy counts whole samples.
        var folds = observer.Of<FoldCompleted>().Select(f => f.Result).ToList();
        Assert.Equal(folds.Select(f => f.Validation.Loss), loss);
        Assert.Equal(folds.Select(f => f.Validation.Accuracy), accuracy);
        for (int i = 0; i < 4; i++)
            Assert.Equal(Math.Round(accuracy[i] * rows[i]), accuracy[i] * rows[i], 9);

        double mean = loss.Sum() / 4;
        double std = Math.Sqrt(loss.Sum(v => (v - mean) * (v - mean)) / 3); // n − 1
        double accuracyMean = accuracy.Sum() / 4;
        double accuracyStd = Math.Sqrt(accuracy.Sum(v => (v - accuracyMean) * (v - accuracyMean)) / 3);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "summary.json")));
        JsonElement cv = json.RootElement.GetProperty("CrossValidation").GetProperty("mlp");
        Assert.Equal(4, cv.GetProperty("K").GetInt32());
        Assert.Equal(mean, cv.GetProperty("ValidationLoss").GetProperty("Mean").GetDouble(), 12);
        Assert.Equal(std, cv.GetProperty("ValidationLoss").GetProperty("Std").GetDouble(), 12);
        Assert.Equal(accuracyMean, cv.GetProperty("ValidationAccuracy").GetProperty("Mean").GetDouble(), 12);
        Assert.Equal(accuracyStd, cv.GetProperty("ValidationAccuracy").GetProperty("Std").GetDouble(), 12);
        Assert.True(std > 0, "four different folds give different losses");

        var done = Assert.Single(observer.Of<CrossValidationCompleted>());
        Assert.Equal((mean, std), (done.ValidationLoss.Mean, done.ValidationLoss.Std), new Close(1e-12));
        // Each fold is also an ordinary training run in the summary.
        var training = json.RootElement.GetProperty("Training");
        Assert.Equal(["mlp-fold1", "mlp-fold2", "mlp-fold3", "mlp-fold4"], training.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Each_fold_fits_the_preprocessing_on_its_own_training_part()
    {
        // By hand: the raw spiral, the split's train rows, then each fold's training rows of them.
        using var raw = SpiralDataset.Generate(3, 40, 0.2, seed: 5);
        float[] x = raw.Features.data<float>().ToArray();
        long[] trainRows = DatasetSplitter.Indices(raw.LabelArray(), [0.75, 0.25], stratify: true, seed: 5)[0];

        var (run, workspace, _) = Execute(Data + CrossValidate);
        using (workspace)
        {
            FoldSet set = workspace.Folds["folds"];
            double[] allMean = Mean(x, trainRows);
            for (int i = 0; i < 4; i++)
            {
                long[] rows = set.Folds[i].Train.Select(r => trainRows[r]).ToArray();
                double[] mean = Mean(x, rows), std = Std(x, rows, mean);
                var (fittedMean, fittedStd) = Fitted(Path.Combine(run, $"mlp-fold{i + 1}", "preprocessing.json"));
                for (int f = 0; f < 2; f++)
                {
                    Assert.Equal(mean[f], fittedMean[f], 1e-5);
                    Assert.Equal(std[f], fittedStd[f], 1e-5);
                }
                Assert.True(Math.Abs(mean[0] - allMean[0]) + Math.Abs(mean[1] - allMean[1]) > 1e-4, "the whole split's mean would not be told apart");
            }
            // The folds keep the raw rows; the session's train split is standardized with all of them.
            float[] kept = set.Data.Features.data<float>().ToArray();
            for (int r = 0; r < 90; r++)
                Assert.Equal(x[2 * trainRows[r]], kept[2 * r]);
            Assert.Equal(allMean, Fitted(Path.Combine(run, "preprocessing.json")).Mean, new ArrayClose(1e-5));
        }
    }

    [Fact]
    public void Folds_are_reproducible_and_later_statements_run_as_without_them()
    {
        const string final = "train mlp on train epochs=2 batch=16 stats=0 checkpoint=false\nevaluate mlp on test\n";
        var (_, first, withFolds) = Execute(Data + CrossValidate + final);
        var (_, second, again) = Execute(Data + CrossValidate + final);
        var (_, third, without) = Execute(Data + final);
        first.Dispose();
        second.Dispose();
        third.Dispose();

        Assert.Equal(withFolds.Of<FoldCompleted>().Select(f => f.Result.Validation), again.Of<FoldCompleted>().Select(f => f.Result.Validation));
        Assert.Equal(without.Of<EvaluationCompleted>().Single().Metrics, withFolds.Of<EvaluationCompleted>().Single().Metrics);
        // Fold i's seed is the i-th SplitMix64 number from the session seed; each fold starts differently.
        var random = new SeededRandom(5);
        long[] seeds = Enumerable.Range(0, 4).Select(_ => (long)(random.NextUInt64() & long.MaxValue)).ToArray();
        Assert.Equal(seeds, withFolds.Of<FoldCompleted>().Select(f => f.Result.Seed));
        Assert.Equal(4, withFolds.Of<EpochCompleted>().Where(e => e.Epoch == 1 && e.Model.StartsWith("mlp-fold", StringComparison.Ordinal)).Select(e => e.Train.Loss).Distinct().Count());
    }

    [Fact]
    public void Early_stopping_and_schedules_start_again_in_every_fold()
    {
        // min_delta=100: only the first epoch counts as an improvement, so every fold stops
        // after epoch 2 and keeps epoch 1's weights; the step schedule halves the rate each epoch.
        string script = Data + "schedule step every=1 epoch gamma=0.5\n"
            + "train mlp on folds epochs=6 batch=16 stats=0 checkpoint=false early_stop(metric=val_loss, patience=1, min_delta=100)\n";
        var (run, workspace, _) = Execute(script);
        workspace.Dispose();
        var table = ParquetTableReader.Read(Path.Combine(run, "folds.parquet"));
        Assert.Equal([2L, 2, 2, 2], (long[])table["epochs"]);
        Assert.Equal([1L, 1, 1, 1], (long[])table["best_epoch"]);
        for (int i = 1; i <= 4; i++)
        {
            var epochs = ParquetTableReader.Read(Path.Combine(run, $"mlp-fold{i}", "epochs.parquet"));
            Assert.Equal(new[] { 0.02, 0.01 }, ((double[])epochs["lr"]), new Close(1e-12));
            Assert.Equal(((double[])epochs["val_loss"])[0], ((double[])table["val_loss"])[i - 1], 6);
        }
    }

    [Fact]
    public void Stopping_keeps_the_finished_folds_and_says_so()
    {
        using var cancel = new CancellationTokenSource();
        var observer = new CancelAfterFirstFold(cancel);
        string runs = Scripts.TempDirectory();
        string script = Data + CrossValidate;
        var folder = RunFolder.Create(runs, "cv.nns", script);
        using var workspace = new Workspace();
        var result = Pipelines.Execute(script, workspace, observer, cancel.Token, folder);
        Assert.True(result.Cancelled);
        Assert.StartsWith("cross-validation of `mlp` was cancelled in fold 2 of 4; the 1 finished fold is in ", result.Failure!.Message);
        Assert.Equal(new NetScript.Language.Text.TextLocation(9, 1), result.Failure.Location);
        Assert.Equal([1L], (long[])ParquetTableReader.Read(Path.Combine(folder.Path, "folds.parquet"))["fold"]);
    }

    [Fact]
    public void Regression_folds_report_the_loss_and_no_accuracy()
    {
        string script = """
            seed 3
            threads 1
            load dataset "outliers" as points
            split points into train=0.8 test=0.2
            kfold train k=3 as folds
            model line { dense 1 }
            train line on folds epochs=2 batch=16 loss=mse stats=0 checkpoint=false
            """;
        var (run, workspace, observer) = Execute(script);
        workspace.Dispose();
        var done = Assert.Single(observer.Of<CrossValidationCompleted>());
        Assert.True(double.IsNaN(done.ValidationAccuracy.Mean));
        Assert.True(double.IsFinite(done.ValidationLoss.Mean) && done.ValidationLoss.Std > 0);
        Assert.Equal(96, ((long[])ParquetTableReader.Read(Path.Combine(run, "folds.parquet"))["rows_val"]).Sum());
    }

    [Fact]
    public void Folds_carry_across_REPL_submissions_and_into_a_saved_script()
    {
        string[] submissions =
        [
            "seed 5", "threads 1", "load dataset \"spiral\" classes=3 points=20 as data", "split data into train=0.75 test=0.25 stratify",
            "kfold train k=3 stratify as folds", "preprocess { standardize }", "model mlp { dense 8 -> relu; dense 3 }",
            "train mlp on folds epochs=1 batch=16 stats=0 checkpoint=false",
        ];
        var observer = new RecordingObserver();
        string path = Path.Combine(Scripts.TempDirectory(), "session.nns");
        using (var session = new NetScript.Hosting.Session(new NetScript.Hosting.SessionOptions(null, observer, Interactive: true)))
        {
            int n = 0;
            foreach (string text in submissions)
            {
                var result = session.Submit(NetScript.Language.Text.SourceText.From(text, $"<repl:{++n}>"));
                Assert.True(result.Succeeded, NetScript.Language.Diagnostics.DiagnosticFormatter.FormatAll(result.Diagnostics));
            }
            Assert.Equal(NetScript.Language.Semantics.FoldsSymbol.Kind, session.Symbols.KindOf("folds"));
            Assert.Empty(session.Save(path).Problems);
        }
        Assert.Equal(3, observer.Of<FoldCompleted>().Count());
        string script = File.ReadAllText(path);
        Assert.Contains("kfold train k=3 stratify as folds\n", script);
        Assert.Contains("train mlp on folds epochs=1", script);
    }

    static (string Run, Workspace Workspace, RecordingObserver Events) Execute(string script)
    {
        var observer = new RecordingObserver();
        var folder = RunFolder.Create(Scripts.TempDirectory(), "cv.nns", script);
        var workspace = new Workspace();
        var result = Pipelines.Execute(script, workspace, observer, runFolder: folder);
        Assert.True(result.Succeeded, result.Failure?.Message);
        return (folder.Path, workspace, observer);
    }

    static double[] Mean(float[] x, long[] rows) => [rows.Average(r => (double)x[2 * r]), rows.Average(r => (double)x[2 * r + 1])];

    static double[] Std(float[] x, long[] rows, double[] mean) =>
        [Math.Sqrt(rows.Average(r => Math.Pow(x[2 * r] - mean[0], 2))), Math.Sqrt(rows.Average(r => Math.Pow(x[2 * r + 1] - mean[1], 2)))];

    static (double[] Mean, double[] Std) Fitted(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        var tensors = json.RootElement.GetProperty("Transforms")[0].GetProperty("Tensors");
        double[] Values(string name) => tensors.GetProperty(name).GetProperty("Values").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        return (Values("mean"), Values("std"));
    }

    sealed class CancelAfterFirstFold(CancellationTokenSource cancel) : NetScript.Runtime.Events.IRunObserver
    {
        public void OnEvent(RunEvent e)
        {
            if (e is FoldCompleted) cancel.Cancel();
        }
    }

    sealed class Close(double tolerance) : IEqualityComparer<double>, IEqualityComparer<(double, double)>
    {
        public bool Equals(double a, double b) => Math.Abs(a - b) <= tolerance;

        public int GetHashCode(double value) => 0;

        public bool Equals((double, double) a, (double, double) b) => Equals(a.Item1, b.Item1) && Equals(a.Item2, b.Item2);

        public int GetHashCode((double, double) value) => 0;
    }

    sealed class ArrayClose(double tolerance) : IEqualityComparer<double[]>
    {
        public bool Equals(double[]? a, double[]? b) => a!.Length == b!.Length && a.Zip(b).All(p => Math.Abs(p.First - p.Second) <= tolerance);

        public int GetHashCode(double[] value) => 0;
    }
}
