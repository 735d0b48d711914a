using System.Globalization;
using NetScript.Hosting;

namespace NetScript.Cli;

/// <summary>`netscript search-worker RUN --name W --trials 0,3,6 --threads T` (or
/// `--tasks FILE`: the trials of Slurm array task $SLURM_ARRAY_TASK_ID, line by line): started by a
/// search with `parallel=` (or by a Slurm array task), never typed by users; and the options
/// of `run` for searches: `--resume RUN` and `--on slurm`.</summary>
internal static class SearchWorkerCommand
{
    public static int Run(string[] args, TextWriter stderr, CancellationToken cancellation)
    {
        string? folder = null;
        string? name = null, tasks = null;
        int threads = 1;
        int[]? trials = null;
        for (int i = 1; i < args.Length; i++)
        {
            string? value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--name" when value is not null: name = value; i++; break;
                case "--tasks" when value is not null: tasks = value; i++; break;
                case "--threads" when int.TryParse(value, CultureInfo.InvariantCulture, out threads): i++; break;
                case "--trials" when value is not null:
                    trials = value.Length == 0 ? [] : [.. value.Split(',').Select(t => int.Parse(t, CultureInfo.InvariantCulture))];
                    i++;
                    break;
                case var a when !a.StartsWith('-') && folder is null: folder = a; break;
                default:
                    stderr.WriteLine($"netscript search-worker: unexpected argument `{args[i]}`");
                    return ExitCodes.Usage;
            }
        }
        if (tasks is not null && SlurmTask(tasks) is var (task, ids))
            (name, trials) = ($"task-{task}", ids);
        if (folder is null || name is null || trials is null || !Directory.Exists(folder))
        {
            stderr.WriteLine("netscript search-worker: needs an existing RUN folder, --name and --trials (it is started by a search)");
            return ExitCodes.Usage;
        }
        return SearchWorker.Run(Path.GetFullPath(folder), name, trials, Math.Max(1, threads), stderr, cancellation);
    }

    /// <summary>This Slurm array task's number and trials (line task + 1 of <paramref name="file"/>).</summary>
    static (int Task, int[] Trials)? SlurmTask(string file)
    {
        if (!int.TryParse(Environment.GetEnvironmentVariable("SLURM_ARRAY_TASK_ID"), CultureInfo.InvariantCulture, out int task)) return null;
        string[] lines = File.ReadAllLines(file);
        return task < lines.Length ? (task, [.. lines[task].Split(',').Select(t => int.Parse(t, CultureInfo.InvariantCulture))]) : null;
    }

    /// <summary>Removes `OPTION VALUE` (`--resume RUN`, `--on slurm`) from a `run` command line;
    /// returns the value (null when absent).</summary>
    public static string? TakeOption(ref string[] args, string option)
    {
        int at = Array.IndexOf(args, option);
        if (at < 0 || at + 1 >= args.Length) return null;
        string folder = args[at + 1];
        args = [.. args[..at], .. args[(at + 2)..]];
        return folder;
    }
}
