using System.Diagnostics;
using NetScript.Runtime.Search;

namespace NetScript.Tests.Runtime.Search;

/// <summary>`netscript run FILE --on slurm` against a real Slurm cluster: one job array, a
/// journal per task, the same trials and scores as worker processes on this machine; and a
/// clear error where Slurm is missing.</summary>
[Collection(TorchCollection.Name)]
public sealed class SlurmTests
{
    const string Script = """
        seed 5
        threads 1
        load dataset "spiral" classes=3 points=30 noise=0.2 as data
        split data into train=0.6 val=0.2 test=0.2 stratify
        preprocess { standardize }
        search random trials=3 maximize=val_acc parallel=2 {
          lr    = loguniform(1e-3, 1e-1)
          units = int(4, 32, step=4)
        }
        model m { dense $units -> relu; dense 3 }
        optimizer adam lr=$lr
        train m on train epochs=3 batch=16 validate=val stats=0
        evaluate m on test
        """;

    [SlurmFact]
    public void A_search_runs_as_a_slurm_job_array_with_the_same_trials_as_local_workers()
    {
        string directory = Scripts.TempDirectory();
        string file = Path.Combine(directory, "slurm.nns");
        File.WriteAllText(file, Script);
        var slurm = Cli(null, "run", file, "--runs", Path.Combine(directory, "slurm"), "--on", "slurm");
        Assert.True(slurm.Code == 0, slurm.Output + slurm.Error);
        var local = Cli(null, "run", file, "--runs", Path.Combine(directory, "local"));
        Assert.True(local.Code == 0, local.Output + local.Error);

        string run = Directory.GetDirectories(Path.Combine(directory, "slurm")).Single();
        Assert.Equal(3, Directory.GetFiles(Path.Combine(run, "trials"), "journal-task-*.jsonl").Length);
        Assert.Equal(3, Directory.GetFiles(Path.Combine(run, "trials"), "slurm-*_*.log").Length);
        static string[] Lines(string output) => [.. output.Split('\n').Where(l => l.StartsWith("  ", StringComparison.Ordinal) && l.Contains("completed", StringComparison.Ordinal))
            .Select(l => string.Join(' ', l.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where((_, i) => i != 5)))]; // all but seconds
        Assert.Equal(Lines(local.Output), Lines(slurm.Output));
        Assert.Equal(3, Lines(slurm.Output).Length);
        var best = SearchJournal.ReadFinished(run);
        Assert.Equal([0, 1, 2], best.Keys);
    }

    [Fact]
    public void Without_sbatch_a_slurm_search_fails_with_NS1207_before_any_trial()
    {
        string directory = Scripts.TempDirectory();
        string file = Path.Combine(directory, "slurm.nns");
        File.WriteAllText(file, Script);
        var result = Cli(directory, "run", file, "--runs", Path.Combine(directory, "runs"), "--on", "slurm");
        Assert.Equal(1, result.Code);
        Assert.Contains("error NS1207: cannot run the search on Slurm: `sbatch` is not installed here", result.Error);
        Assert.DoesNotContain("trial 0", result.Output);
    }

    /// <summary>The CLI in a child process; <paramref name="path"/> replaces PATH when given.</summary>
    static (int Code, string Output, string Error) Cli(string? path, params string[] arguments)
    {
        var start = new ProcessStartInfo(WorkerCommand.Host) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(WorkerCommand.Cli);
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        if (path is not null) start.Environment["PATH"] = path;
        using var process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync(), error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.Result, error.Result);
    }
}
