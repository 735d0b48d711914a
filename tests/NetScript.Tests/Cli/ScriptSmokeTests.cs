using NetScript.Cli;

namespace NetScript.Tests.Cli;

/// <summary>Every script in scripts/ runs end to end with `netscript run --smoke` (each training
/// one epoch of two mini-batches, the rest of the script as written), so no example rots. The
/// full runs are on demand; their figures are in the README.</summary>
[Collection(TorchCollection.Name)]
public sealed class ScriptSmokeTests
{
    [Theory]
    [MemberData(nameof(ShippedScriptsTests.Shipped), MemberType = typeof(ShippedScriptsTests))]
    public void Runs_in_smoke_mode(string name)
    {
        if (name.StartsWith("fashion_", StringComparison.Ordinal)) ShippedScriptsTests.RequireFashionMnist();
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        string runs = Scripts.TempDirectory();
        int code = new CliApp(stdout, stderr, interactive: false)
            .Run(["run", Path.Combine(RepoPaths.Scripts, name), "--runs", runs, "--smoke"], CancellationToken.None);
        Assert.True(code == 0, stdout + "\n" + stderr);
        Assert.Matches(@"(^|\n)done in \d+\.\d s", stdout.ToString());
    }

    [Fact]
    public void Smoke_mode_runs_one_epoch_of_two_steps_per_training()
    {
        string script = Path.Combine(Scripts.TempDirectory(), "smoke.nns");
        File.WriteAllText(script, """
            seed 1
            load dataset "spiral" classes=3 points=100 as spiral
            split spiral into train=0.8 val=0.2
            model m { dense 8 -> relu; dense 3 }
            schedule cosine warmup=2 epochs
            train m on train epochs=50 batch=16 validate=val
            """);
        var stdout = new StringWriter();
        int code = new CliApp(stdout, new StringWriter(), interactive: false)
            .Run(["run", script, "--runs", Scripts.TempDirectory(), "--smoke"], CancellationToken.None);
        Assert.Equal(0, code);
        Assert.Matches(@"train m on train: 1 epochs? × 2 steps", stdout.ToString());
        Assert.Matches(@"epoch 1/1  loss \d\.\d{4}  acc 0\.\d{4}  val_loss", stdout.ToString());
    }
}
