using System.Globalization;
using System.Text.Json;
using NetScript.Cli;

namespace NetScript.Tests.Cli;

[Collection(TorchCollection.Name)]
public sealed class CliTests
{
    static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = new CliApp(stdout, stderr, interactive: false).Run(args, CancellationToken.None);
        return (code, stdout.ToString(), stderr.ToString());
    }

    static string Write(string name, string text)
    {
        string path = Path.Combine(Scripts.TempDirectory(), name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Check_reports_every_error_with_position_and_caret_and_exits_1()
    {
        string path = Write("bad.nns", "seed 1\nmodle m { dense 3 }\nmodel n { dense 3 }\ntrain n on nowhere epochs=0\n");
        var (code, output, errors) = Run("check", path);
        Assert.Equal(ExitCodes.ScriptError, code);
        Assert.Equal("", output);
        Assert.Contains($"{path}:2:1: error NS0002: unknown statement `modle`; did you mean `model`?\n 2 | modle m {{ dense 3 }}\n   | ^^^^^", errors);
        Assert.Contains($"{path}:4:12: error NS0101: no dataset or split named `nowhere` is defined", errors);
        Assert.Contains($"{path}:4:27: error NS0203: `epochs` of `train` must be between 1 and 1000000, got 0", errors);
        Assert.DoesNotContain("   at ", errors);
    }

    [Fact]
    public void Check_accepts_the_quickstart()
    {
        var (code, output, errors) = Run("check", Path.Combine(RepoPaths.Scripts, "quickstart.nns"));
        Assert.Equal((0, ""), (code, errors));
        Assert.EndsWith("quickstart.nns: ok (9 statements, 0 warnings)\n", output);
    }

    [Fact]
    public void Fmt_prints_the_canonical_layout_and_keeps_comments()
    {
        string path = Write("messy.nns", "seed   42 # the seed\r\nmodel m {dense 3->relu}\n");
        var (code, output, errors) = Run("fmt", path);
        Assert.Equal((0, ""), (code, errors));
        Assert.Equal("seed 42  # the seed\nmodel m {\n  dense 3 -> relu\n}\n", output);
    }

    [Fact]
    public void Fmt_refuses_a_script_with_syntax_errors()
    {
        string path = Write("broken.nns", "seed\nmodel m { dense 3 )\n");
        var (code, output, errors) = Run("fmt", path);
        Assert.Equal((ExitCodes.ScriptError, ""), (code, output));
        Assert.Contains($"{path}:1:5: error NS0001: unexpected end of line after `seed`; expected a value", errors);
        Assert.Contains($"{path}:2:19: error NS0001:", errors);
    }

    [Fact]
    public void A_missing_file_is_a_clear_error()
    {
        var (code, _, errors) = Run("run", "/nonexistent/x.nns");
        Assert.Equal(ExitCodes.ScriptError, code);
        Assert.Equal("/nonexistent/x.nns: error NS0901: cannot read the script: no such file\n", errors);
    }

    [Theory]
    [InlineData(new string[0], "usage: netscript")]
    [InlineData(new[] { "rnu", "x.nns" }, "netscript: unknown command `rnu`; did you mean `run`?")]
    [InlineData(new[] { "run" }, "netscript: `run` needs a script file")]
    [InlineData(new[] { "check", "a.nns", "--fast" }, "netscript: unknown option `--fast`")]
    public void Bad_command_lines_exit_2_with_a_hint(string[] args, string message)
    {
        var (code, _, errors) = Run(args);
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains(message, errors);
    }

    [Fact]
    public void Run_trains_the_quickstart_and_ends_with_the_final_accuracies()
    {
        string runs = Scripts.TempDirectory();
        var (code, output, errors) = Run("run", Path.Combine(RepoPaths.Scripts, "quickstart.nns"), "--runs", runs);
        Assert.True(code == 0, errors);
        string last = output.TrimEnd('\n').Split('\n')[^1];
        var match = System.Text.RegularExpressions.Regex.Match(last, @"^done in [\d.]+ s — mlp: train accuracy ([\d.]+), validation accuracy ([\d.]+)$");
        Assert.True(match.Success, last);
        Assert.True(double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) > 0.95, last);
        Assert.True(double.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) > 0.95, last);

        string folder = Assert.Single(Directory.GetDirectories(runs));
        Assert.Equal(File.ReadAllText(Path.Combine(RepoPaths.Scripts, "quickstart.nns")), File.ReadAllText(Path.Combine(folder, "script.nns")));
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "summary.json")));
        double accuracy = summary.RootElement.GetProperty("Evaluations")[0].GetProperty("Metrics").GetProperty("Accuracy").GetDouble();
        Assert.Equal(match.Groups[2].Value, accuracy.ToString("0.0000", CultureInfo.InvariantCulture));
        Assert.Empty(Directory.GetFiles(folder, "*.tmp"));
    }

    [Fact]
    public void Run_cross_validates_with_a_line_per_fold_and_the_mean_and_std()
    {
        string path = Write("cv.nns", """
            seed 2
            threads 1
            load dataset "spiral" classes=3 points=20 as data
            split data into train=0.75 test=0.25 stratify
            kfold train k=3 stratify as folds
            model mlp { dense 8 -> relu; dense 3 }
            train mlp on folds epochs=2 batch=16 stats=0 checkpoint=false
            """);
        string runs = Scripts.TempDirectory();
        var (code, output, errors) = Run("run", path, "--runs", runs);
        Assert.True(code == 0, errors);
        Assert.Contains("kfold folds: 3 folds of train (45 rows, 15 held out by each, stratified)\n", output);
        foreach (int fold in new[] { 1, 2, 3 })
            Assert.Matches($@"\n  fold {fold}/3 of mlp: val_loss \d\.\d{{4}}  val_acc \d\.\d{{4}}  \(2 epochs; 30 train / 15 val rows\)\n", output);
        Assert.Matches(@"\ncross-validated mlp on folds \(3 folds\): val_loss \d\.\d{4} ± \d\.\d{4}, val_acc \d\.\d{4} ± \d\.\d{4} \(mean ± sample std\)\n", output);
        Assert.Matches(@"\ndone in [\d.]+ s — mlp: 3-fold validation accuracy \d\.\d{4} ± \d\.\d{4}\n$", output);
        Assert.DoesNotContain("mlp-fold1: train accuracy", output);

        // Evaluating the model itself is refused before anything runs: the folds trained copies.
        File.AppendAllText(path, "\nevaluate mlp on test\n");
        (code, output, errors) = Run("check", path);
        Assert.Equal((ExitCodes.ScriptError, ""), (code, output));
        Assert.Contains("error NS0406: model `mlp` was only cross-validated", errors);
    }
}
