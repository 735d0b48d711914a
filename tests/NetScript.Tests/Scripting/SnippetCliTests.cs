using NetScript.Cli;

namespace NetScript.Tests.Scripting;

/// <summary>`netscript check` and `run` with snippets, in-process through the CLI.</summary>
[Collection(TorchCollection.Name)]
public sealed class SnippetCliTests
{
    static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = new CliApp(stdout, stderr, interactive: false).Run(args, CancellationToken.None);
        return (code, stdout.ToString(), stderr.ToString());
    }

    const string Script = """
        seed 1
        load dataset "spiral" classes=3 points=40 as d
        split d into train=0.75 val=0.25 stratify
        metric agree = csharp { (p, t) => (p.argmax(1) == t).to(ScalarType.Float32).mean() }
        loss ce = csharp {
          (pred, target) => F.cross_entropy(pred, TARGET)
        }
        model m { dense 8 -> relu; dense 3 }
        train m on train epochs=2 batch=10 loss=ce validate=val metrics=[agree]

        """;

    [Fact]
    public void Check_shows_a_csharp_error_at_its_script_position_with_the_compilers_id()
    {
        string path = Path.Combine(Scripts.TempDirectory(), "model.nns");
        File.WriteAllText(path, Script.Replace("TARGET", "targt"));
        var (code, output, errors) = Run("check", path);
        Assert.Equal(ExitCodes.ScriptError, code);
        Assert.Equal("", output);
        Assert.Equal($"""
            {path}:6:43: error CS0103: The name 'targt' does not exist in the current context
             6 |   (pred, target) => F.cross_entropy(pred, targt)
               |                                           ^^^^^

            """, errors);
    }

    [Fact]
    public void Run_shows_the_custom_metric_in_the_epoch_lines()
    {
        string path = Path.Combine(Scripts.TempDirectory(), "model.nns");
        File.WriteAllText(path, Script.Replace("TARGET", "target"));
        Assert.Equal((ExitCodes.Success, $"{path}: ok (7 statements, 0 warnings)\n", ""), Run("check", path));
        var (code, output, errors) = Run("run", path, "--runs", Path.Combine(Path.GetDirectoryName(path)!, "runs"));
        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal("", errors);
        Assert.Matches(@"epoch 2/2  loss [\d.]+  acc [\d.]+  val_loss [\d.]+  val_acc ([\d.]+)  val_agree \1  ", output);
    }
}
