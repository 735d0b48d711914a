using System.Diagnostics;
using NetScript.Data;
using NetScript.Runtime.Events;
using NetScript.Runtime.Execution;
using NetScript.Runtime.Search;

namespace NetScript.Tests.Runtime.Search;

/// <summary>Searches across processes: worker processes run the same trials with the same
/// results as one process, and a search killed with SIGKILL and resumed loses and repeats no
/// finished trial.</summary>
[Collection(TorchCollection.Name)]
public sealed class SearchProcessTests
{
    static string Script(int parallel, int trials = 4, int epochs = 3) => $$"""
        seed 5
        threads 1
        load dataset "spiral" classes=3 points=30 noise=0.2 as data
        split data into train=0.6 val=0.2 test=0.2 stratify
        preprocess { standardize }
        search random trials={{trials}} maximize=val_acc parallel={{parallel}} {
          lr    = loguniform(1e-3, 1e-1)
          units = int(4, 32, step=4)
        }
        model m { dense $units -> relu; dense 3 }
        optimizer adam lr=$lr
        train m on train epochs={{epochs}} batch=16 validate=val stats=0
        evaluate m on test
        """;

    [Fact]
    public void Two_worker_processes_run_the_same_trials_with_the_same_scores_as_one_process()
    {
        var (_, one, serial) = SearchRunnerTests.Execute(Script(parallel: 1));
        var (run, two, parallel) = SearchRunnerTests.Execute(Script(parallel: 2));
        using (one)
        using (two)
        {
            static IEnumerable<(int, long, string, double)> Key(RecordingObserver events) => events.Of<TrialCompleted>().Select(t => t.Result)
                .OrderBy(r => r.Id).Select(r => (r.Id, r.Trial.Seed, string.Join(" ", r.Trial.Values.OrderBy(kv => kv.Key).Select(kv => kv.Key + "=" + TrialValues.Encode(kv.Value))), r.Score));
            Assert.Equal(Key(serial), Key(parallel));
            Assert.True(File.Exists(Path.Combine(run, "trials", "journal-1.jsonl")), "the second worker's journal");
            // The best trial's model, rebuilt here, is the one the worker trained: the same test figures.
            Assert.Equal(serial.Of<EvaluationCompleted>().Single().Metrics, parallel.Of<EvaluationCompleted>().Single().Metrics);
        }
    }

    [Fact]
    public void A_search_killed_mid_way_and_resumed_keeps_every_finished_trial_once()
    {
        string directory = Scripts.TempDirectory();
        string script = Path.Combine(directory, "killed.nns");
        File.WriteAllText(script, Script(parallel: 1, trials: 8, epochs: 40));
        string runs = Path.Combine(directory, "runs");

        using (var first = Cli("run", script, "--runs", runs))
        {
            string journal() => Directory.Exists(runs) ? Directory.EnumerateFiles(runs, "journal-main.jsonl", SearchOption.AllDirectories).FirstOrDefault() ?? "" : "";
            var clock = Stopwatch.StartNew();
            while (Finished(journal()) < 2 && !first.HasExited && clock.Elapsed < TimeSpan.FromMinutes(3)) Thread.Sleep(20);
            first.Kill(); // SIGKILL: no handler runs
            first.WaitForExit();
        }
        string run = Directory.GetDirectories(runs).Single();
        int before = Finished(Path.Combine(run, "trials", "journal-main.jsonl"));
        Assert.InRange(before, 2, 7);
        var kept = SearchJournal.ReadFinished(run);

        using var second = Cli("run", script, "--resume", run);
        string output = second.StandardOutput.ReadToEnd();
        second.WaitForExit();
        Assert.True(second.ExitCode == 0, output + second.StandardError.ReadToEnd());
        // Only the trials without a finished line ran again; the table has every trial once.
        var rerun = output.Split('\n').Where(l => l.StartsWith("trial ", StringComparison.Ordinal)).Select(l => int.Parse(l.Split(' ')[1])).ToList();
        Assert.Equal(Enumerable.Range(0, 8).Except(kept.Keys), rerun);
        var table = ParquetTableReader.Read(Path.Combine(run, TrialsTable.File));
        Assert.Equal(Enumerable.Range(0, 8).Select(i => (long)i), ((long[])table["trial"]).Distinct());
        Assert.Equal(8 * 40, ((long[])table["trial"]).Length);
        var all = SearchJournal.ReadFinished(run);
        Assert.All(kept, k => Assert.Equal(k.Value.Score, all[k.Key].Score));
    }

    static int Finished(string journal) =>
        File.Exists(journal) ? File.ReadAllLines(journal).Count(l => l.Contains("\"finished\"", StringComparison.Ordinal)) : 0;

    static Process Cli(params string[] arguments)
    {
        string host = Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "netscript.dll"));
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        return Process.Start(start)!;
    }
}
