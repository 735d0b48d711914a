using System.Diagnostics;
using System.Globalization;
using NetScript.Language.Diagnostics;
using NetScript.Runtime.Execution;

using NetScript.Runtime.Recording;

namespace NetScript.Runtime.Search;

/// <summary>Runs trials as one Slurm job array: task i runs the trials on line i of
/// RUN/trials/slurm-tasks.txt (one trial per task) through `netscript search-worker`, at most
/// `parallel` tasks at once (`sbatch --array=0-N%P`), each appending to its own journal
/// (journal-task-I.jsonl) on the shared file system — no database, no open ports. This side
/// polls the journals and `squeue`; when the array has left the queue with trials unfinished,
/// their tasks are submitted again by index, once; trials still missing then are failed with
/// the task's log file named. Cancelling runs `scancel`.</summary>
public sealed class SlurmExecutor(RunFolder runFolder, int parallel, int threads) : ITrialExecutor
{
    static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(500);

    string Trials => Path.Combine(runFolder.Path, SearchJournal.Folder);

    public void Run(IReadOnlyList<TrialSpec> trials, Action<TrialResult> finished, CancellationToken cancellation)
    {
        Directory.CreateDirectory(Trials);
        string tasks = Path.Combine(Trials, "slurm-tasks.txt");
        File.WriteAllLines(tasks, trials.Select(t => t.Id.ToString(CultureInfo.InvariantCulture)));
        string script = WriteJobScript(tasks, LocalWorkersExecutor.ThreadsEach(threads, parallel, trials.Count));
        var pending = trials.Select((t, task) => (t, task)).ToDictionary(p => p.t.Id, p => p.task);
        string job = Submit(script, $"0-{trials.Count - 1}%{parallel}");
        bool resubmitted = false;
        try
        {
            while (pending.Count > 0)
            {
                bool queued = InQueue(job);
                foreach (var (id, result) in SearchJournal.ReadFinished(runFolder.Path).Where(r => pending.ContainsKey(r.Key)))
                {
                    pending.Remove(id);
                    finished(result);
                }
                if (pending.Count == 0) break;
                if (!queued)
                {
                    if (resubmitted) break;
                    job = Submit(script, string.Join(',', pending.Values.Order()) + $"%{parallel}");
                    resubmitted = true;
                }
                cancellation.WaitHandle.WaitOne(Poll);
                cancellation.ThrowIfCancellationRequested();
            }
        }
        catch (OperationCanceledException)
        {
            Command("scancel", job);
            throw;
        }
        foreach (var (id, task) in pending.OrderBy(p => p.Key))
            finished(new TrialResult(trials.First(t => t.Id == id), TrialState.Failed, double.NaN, double.NaN, 0)
            {
                Message = $"Slurm task {task} ended twice without finishing it; see {Path.Combine(Trials, $"slurm-*_{task}.log")}",
            });
    }

    string WriteJobScript(string tasks, int cpus)
    {
        string Quote(string s) => "'" + s.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
        string script = Path.Combine(Trials, "slurm-job.sh");
        File.WriteAllText(script, $"""
            #!/bin/bash
            #SBATCH --job-name=netscript-search
            #SBATCH --cpus-per-task={cpus}
            #SBATCH --output={Path.Combine(Trials, "slurm-%A_%a.log")}
            exec {Quote(WorkerCommand.Host)} {Quote(WorkerCommand.Cli)} search-worker {Quote(runFolder.Path)} --tasks {Quote(tasks)} --threads {cpus}

            """);
        return script;
    }

    static string Submit(string script, string array)
    {
        var (code, output, error) = Command("sbatch", "--parsable", $"--array={array}", script);
        if (code != 0)
            throw new RuntimeFailure("sbatch failed", DiagnosticCatalog.SlurmUnavailable, [$"sbatch exited with code {code}: {FirstLine(error)}"]);
        return output.Trim().Split(';')[0];
    }

    /// <summary>Whether any task of the array is still pending or running.</summary>
    static bool InQueue(string job)
    {
        var (code, output, error) = Command("squeue", "-h", "-j", job, "-o", "%i %T");
        if (code != 0 && !error.Contains("Invalid job id", StringComparison.OrdinalIgnoreCase))
            throw new RuntimeFailure("squeue failed", DiagnosticCatalog.SlurmUnavailable, [$"squeue exited with code {code}: {FirstLine(error)}"]);
        return code == 0 && output.Trim().Length > 0;
    }

    /// <summary>Runs a Slurm command; a missing command is NS1208 with what to install.</summary>
    static (int Code, string Output, string Error) Command(string name, params string[] arguments)
    {
        var start = new ProcessStartInfo(name) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        try
        {
            using var process = Process.Start(start)!;
            Task<string> output = process.StandardOutput.ReadToEndAsync(), error = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            return (process.ExitCode, output.Result, error.Result);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new RuntimeFailure($"no {name}", DiagnosticCatalog.SlurmUnavailable,
                [$"`{name}` is not installed here; run the search on a Slurm login node, or without `--on slurm` (Debian: apt-get install slurm-wlm munge)"]);
        }
    }

    static string FirstLine(string text) => text.Split('\n').FirstOrDefault(l => l.Trim().Length > 0)?.Trim() ?? "no message";

    public Workspace? Take(int trial) => null;

    public void Dispose()
    {
    }
}
