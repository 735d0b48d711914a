using NetScript.Cli;
using NetScript.Data;
using NetScript.Hosting.Statistics;
using NetScript.Tests.Language.Semantics;
using NetScript.Tests.Runtime.Models;
using NetScript.Tests.Runtime.Recording;
using NetScript.Tests.Runtime.Training;
using NetScript.Tests.Runtime.Training.Losses;
using NetScript.Tests.Runtime.Training.Optimizers;
using NetScript.Tests.Runtime.Training.Regularization;
using NetScript.Tests.Runtime.Training.Schedules;

namespace NetScript.Tests.Runtime.Recording;

/// <summary>The CLI under the environment's faults: a runs folder it may not write (as a
/// normal user), a runs path that is a file, SIGTERM (checkpoint, then exit 143) and SIGKILL
/// (every finished epoch's rows stay readable and `netscript stats` reads them).</summary>
[Collection(TorchCollection.Name)]
public sealed class CliEnvironmentTests
{
    const string LongRun = TrainingLoopTests.Data + """
        model m { dense 16 -> relu; dense 3 }
        optimizer adam lr=0.01
        train m on train epochs=100000 batch=4 stats=2

        """;

    const int Nobody = 65534; // nobody:nogroup

    static string Workspace(string script)
    {
        string directory = Scripts.TempDirectory();
        File.WriteAllText(Path.Combine(directory, "s.nns"), script);
        return directory;
    }

    static string? Training(string runs) =>
        Directory.Exists(runs) ? Directory.GetDirectories(runs).Select(r => Path.Combine(r, "m")).FirstOrDefault(Directory.Exists) : null;

    [RootFact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void A_runs_folder_without_write_permission_is_named_and_exits_1()
    {
        string directory = Workspace("seed 1\n");
        Directory.CreateDirectory(Path.Combine(directory, "runs"));
        File.SetUnixFileMode(directory, (UnixFileMode)0b111_101_101);            // nobody may read the script…
        File.SetUnixFileMode(Path.Combine(directory, "runs"), (UnixFileMode)0b111_101_101); // …but not write runs/
        using var cli = CliProcess.Start(directory, Nobody, "run", "s.nns", "--runs", "runs");
        var (code, output, errors) = cli.Wait();
        Assert.True(code == ExitCodes.ScriptError, $"exit {code}\n{errors}{output}");
        Assert.Matches(@"^netscript: error NS0901: cannot create the folder runs/\d{8}-\d{6}-s: permission denied\n$", errors);
    }

    [RootFact]
    public void A_full_disk_is_named_and_exits_1_even_with_debugging_on()
    {
        // A 290 KB checkpoint (24k weights and Adam's two moments) on a 160 KB file system, where
        // the script, summary and preprocessing plot (~60 KB) still fit.
        string directory = Workspace(SmallRun.Script.Replace("dense 16", "dense 4096"));
        using var disk = new Tmpfs("160k");
        using var cli = CliProcess.Start(directory, null, "run", "s.nns", "--runs", disk.Path);
        var (code, output, errors) = cli.Wait();
        Assert.True(code == ExitCodes.ScriptError, $"exit {code}\n{errors}{output}");
        Assert.Contains("error NS0610: could not write the checkpoint ", errors);
        Assert.Contains("/m/last.ckpt: no space left on device; no earlier checkpoint of this run exists", errors);
        Assert.DoesNotContain("NS0999", errors);
        Assert.DoesNotContain("   at ", errors);
    }

    [Fact]
    public void A_runs_path_that_is_a_file_is_named_and_exits_1()
    {
        string directory = Workspace("seed 1\n");
        File.WriteAllText(Path.Combine(directory, "runs"), "");
        using var cli = CliProcess.Start(directory, null, "run", "s.nns", "--runs", "runs");
        var (code, _, errors) = cli.Wait();
        Assert.Equal(ExitCodes.ScriptError, code);
        Assert.Equal("netscript: error NS0901: cannot create the folder runs: it is a file\n", errors);
    }

    [Fact]
    public void Sigterm_saves_a_checkpoint_and_exits_143()
    {
        string directory = Workspace(LongRun);
        string runs = Path.Combine(directory, "runs");
        using var cli = CliProcess.Start(directory, null, "run", "s.nns");
        cli.WaitUntil(() => Training(runs) is { } m && File.Exists(Path.Combine(m, "last.ckpt")), "first checkpoint");
        cli.Signal("TERM");
        var (code, _, errors) = cli.Wait();
        Assert.True(code == ExitCodes.Terminated, $"exit {code}\n{errors}");
        Assert.Contains("training of `m` was cancelled; its state is saved in runs/", errors);
        Assert.Contains("stopped; results so far are in ", errors);
    }

    [Fact]
    public void After_sigkill_every_finished_epoch_is_readable_and_stats_reads_it()
    {
        string directory = Workspace(LongRun);
        string runs = Path.Combine(directory, "runs");
        using (var cli = CliProcess.Start(directory, null, "run", "s.nns"))
        {
            // Two epochs committed: the kill lands while later rows are being written or wait.
            cli.WaitUntil(() => Training(runs) is { } m && File.Exists(Path.Combine(m, "epochs.parquet"))
                && Rows(Path.Combine(m, "epochs.parquet")) >= 2, "two recorded epochs");
            cli.Signal("KILL");
            Assert.Equal(137, cli.Wait().Code);
        }
        string training = Training(runs)!;
        long epochs = Rows(Path.Combine(training, "epochs.parquet"));
        long[] steps = (long[])ParquetTableReader.Read(Path.Combine(training, "steps.parquet"))["step"];
        Assert.True(steps.Length >= 2 * 8, $"{steps.Length} step rows"); // 32 training rows, batch 4: 8 steps an epoch
        Assert.Equal(0, steps.Length % 8);
        Assert.True(epochs >= 2);

        var statistics = StatisticsReader.Read(Path.GetDirectoryName(training)!);
        Assert.Equal("m", Assert.Single(statistics).Model);
        var stdout = new StringWriter();
        Assert.Equal(0, new CliApp(stdout, new StringWriter(), interactive: false).Run(["stats", Path.GetDirectoryName(training)!], CancellationToken.None));
        Assert.StartsWith("m: step ", stdout.ToString());
    }

    static long Rows(string path)
    {
        try
        {
            return ((long[])ParquetTableReader.Read(path)["epoch"]).Length;
        }
        catch (IOException)
        {
            return 0; // being renamed into place
        }
    }
}
