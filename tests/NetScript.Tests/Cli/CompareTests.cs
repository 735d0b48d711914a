using NetScript.Cli;
using NetScript.Runtime.Recording;
using NetScript.Tests.Cli;
using NetScript.Tests.Runtime.Statistics;
using static NetScript.Data.ResultsColumnType;

namespace NetScript.Tests.Cli;

/// <summary><c>netscript compare</c> on run folders whose epochs tables hold known numbers.</summary>
public sealed class CompareTests
{
    static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = new CliApp(stdout, stderr, interactive: false).Run(args, CancellationToken.None);
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The cells of the table row that starts with <paramref name="training"/> (columns
    /// are separated by at least two blanks).</summary>
    static string[] Cells(string table, string training) =>
        table.Split('\n').Single(l => l.StartsWith(training + " ", StringComparison.Ordinal))
            .Split("  ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>A training folder with an epochs table like the one training writes.</summary>
    static void Training(string folder, double[] loss, double[] valAccuracy, double secondsPerEpoch)
    {
        Directory.CreateDirectory(folder);
        var table = new RecordTable(Path.Combine(folder, "epochs.parquet"), new("epoch", Integer), new("loss", Real), new("accuracy", Real),
            new("val_loss", Real), new("val_accuracy", Real), new("lr", Real), new("seconds", Real));
        for (int i = 0; i < loss.Length; i++)
            table.Add((long)(i + 1), loss[i], 1 - loss[i], loss[i] + 0.1, valAccuracy[i], 0.01, secondsPerEpoch);
        table.Commit();
    }

    static string TwoRuns()
    {
        string root = Scripts.TempDirectory();
        Training(Path.Combine(root, "run-a", "mlp"), [0.9, 0.5, 0.4], [0.60, 0.80, 0.75], 1.5);
        Training(Path.Combine(root, "run-a", "wide"), [0.8, 0.3], [0.70, 0.90], 2.0);
        Training(Path.Combine(root, "run-b", "mlp"), [1.0, 0.9, 0.8, 0.7], [0.50, 0.55, 0.60, 0.65], 0.5);
        return root;
    }

    [Fact]
    public void Compares_final_and_best_validation_accuracy_of_every_training()
    {
        string root = TwoRuns();
        var (code, output, errors) = Run("compare", Path.Combine(root, "run-a"), Path.Combine(root, "run-b"));
        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal("", errors);
        string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("training    epochs  final val_accuracy  best (max)  seconds", lines[0]);
        Assert.Equal("run-a/mlp        3              0.7500  0.8000 @ 2      4.5", lines[1]);
        Assert.Equal("run-a/wide       2              0.9000  0.9000 @ 2      4.0", lines[2]);
        Assert.Equal("run-b/mlp        4              0.6500  0.6500 @ 4      2.0", lines[3]);
        string plot = Path.Combine(Directory.GetCurrentDirectory(), "compare-val_accuracy.png");
        Assert.Equal("plot: " + plot, lines[4]);
        Assert.Equal((900, 560), Png.Size(plot));
        File.Delete(plot);
    }

    [Fact]
    public void A_loss_metric_takes_the_minimum_and_the_plot_goes_into_the_one_folder_compared()
    {
        string root = TwoRuns();
        string run = Path.Combine(root, "run-a");
        var (code, output, _) = Run("compare", run, "--metric", "val_loss");
        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("best (min)", output);
        Assert.Equal(["mlp", "3", "0.5000", "0.5000 @ 3", "4.5"], Cells(output, "mlp"));
        Assert.Equal((900, 560), Png.Size(Path.Combine(run, "compare-val_loss.png")));
    }

    [Fact]
    public void Early_stop_names_are_accepted_and_mode_overrides_the_direction()
    {
        string root = TwoRuns();
        string plot = Path.Combine(root, "acc.png");
        var (code, output, _) = Run("compare", Path.Combine(root, "run-b", "mlp"), "--metric", "val_acc", "--mode", "min", "--plot", plot);
        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal(["mlp", "4", "0.6500", "0.5000 @ 1", "2.0"], Cells(output, "mlp"));
        Assert.True(File.Exists(plot));
    }

    [Fact]
    public void Bad_folders_metrics_and_options_are_clear_errors()
    {
        string root = TwoRuns();
        var missing = Run("compare", Path.Combine(root, "nope"));
        Assert.Equal(ExitCodes.ScriptError, missing.Code);
        Assert.Contains("nope: no such folder", missing.Err);

        var metric = Run("compare", Path.Combine(root, "run-a"), "--metric", "val_f1");
        Assert.Equal(ExitCodes.ScriptError, metric.Code);
        Assert.Contains("`val_f1` is not recorded in", metric.Err);
        Assert.Contains("`val_accuracy`", metric.Err);

        Directory.CreateDirectory(Path.Combine(root, "empty"));
        Assert.Contains("holds no training", Run("compare", Path.Combine(root, "empty")).Err);
        Assert.Equal(ExitCodes.Usage, Run("compare").Code);
        Assert.Equal(ExitCodes.Usage, Run("compare", root, "--metric").Code);
        Assert.Equal(ExitCodes.Usage, Run("compare", root, "--mode", "up").Code);
        Assert.DoesNotContain("   at ", missing.Err + metric.Err);
    }
}
