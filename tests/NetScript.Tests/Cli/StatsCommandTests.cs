using NetScript.Cli;

namespace NetScript.Tests.Cli;

/// <summary><c>netscript stats RUN_DIR</c> prints the latest per-layer table of a run.</summary>
[Collection(TorchCollection.Name)]
public sealed class StatsCommandTests
{
    static (int Code, string Out, string Err) Cli(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = new CliApp(stdout, stderr, interactive: false).Run(args, CancellationToken.None);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Prints_the_last_sample_of_each_training_as_a_table()
    {
        string runs = Scripts.TempDirectory();
        string script = Path.Combine(runs, "s.nns");
        File.WriteAllText(script, """
            seed 2
            threads 1
            load dataset "spiral" classes=3 points=20 as d
            model mlp { dense 8 -> relu; dense 3 }
            train mlp on d epochs=2 batch=20 stats=2
            """);
        var (code, output, errors) = Cli("run", script, "--runs", runs);
        Assert.True(code == 0, errors);
        string runFolder = Assert.Single(Directory.GetDirectories(runs));
        Assert.Contains($"statistics and plots of mlp: ", output);

        (code, output, errors) = Cli("stats", runFolder);
        Assert.True(code == 0, errors);
        string[] lines = output.TrimEnd('\n').Split('\n');
        // 60 rows / batch 20 = 3 steps per epoch, 6 steps, sampled at 1, 3, 5.
        Assert.Equal($"mlp: step 5 (epoch 2, step 2), latest of 3 samples in {Path.Combine(runFolder, "mlp")}", lines[0]);
        Assert.Matches(@"^layer\s+kind\s+mean\s+std\s+min\s+max\s+zero%\s+dead%\s+sat%\s+\|w\|\s+\|grad\|\s+upd/w$", lines[1]);
        Assert.Matches(@"^dense1\s+Linear\s+\S+\s+\S+\s+\S+\s+\S+\s+-\s+-\s+-\s+\d\S*\s+\d\S*\s+\d\S*$", lines[2]);
        Assert.Matches(@"^relu1\s+ReLU\s+(\S+\s+){4}\d+\.\d\s+\d+\.\d\s+-\s+-\s+-\s+-$", lines[3]);
        Assert.StartsWith("dense2 ", lines[4]);
        Assert.Equal(5, lines.Length);
    }

    [Fact]
    public void A_folder_without_statistics_is_NS1003()
    {
        string empty = Scripts.TempDirectory();
        var (code, _, errors) = Cli("stats", empty);
        Assert.Equal(ExitCodes.ScriptError, code);
        Assert.StartsWith($"{empty}: error NS1003: the folder has no recorded statistics: no training here recorded any", errors);

        (code, _, errors) = Cli("stats", "/nonexistent/run");
        Assert.Equal(ExitCodes.ScriptError, code);
        Assert.Equal("/nonexistent/run: error NS1003: the folder has no recorded statistics: no such folder\n", errors);

        (code, _, errors) = Cli("stats");
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("`stats` needs a run folder", errors);
    }
}
