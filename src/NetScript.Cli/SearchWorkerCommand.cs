using System.Globalization;
using NetScript.Hosting;
using NetScript.Runtime.Search;

namespace NetScript.Cli;

/// <summary>`netscript search-worker RUN --index I --trials 0,3,6 --threads T`: started by a
/// search with `parallel=` (or by a Slurm array task), never typed by users; and
/// `run FILE --resume RUN`, which continues a search in its run folder.</summary>
internal static class SearchWorkerCommand
{
    public static int Run(string[] args, TextWriter stderr, CancellationToken cancellation)
    {
        string? folder = null;
        int index = -1, threads = 1;
        int[]? trials = null;
        for (int i = 1; i < args.Length; i++)
        {
            string? value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--index" when int.TryParse(value, CultureInfo.InvariantCulture, out index): i++; break;
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
        if (folder is null || index < 0 || trials is null || !Directory.Exists(folder))
        {
            stderr.WriteLine("netscript search-worker: needs an existing RUN folder, --index and --trials (it is started by a search)");
            return ExitCodes.Usage;
        }
        return SearchWorker.Run(new SearchWorkerRole(Path.GetFullPath(folder), index, trials, Math.Max(1, threads)), stderr, cancellation);
    }

    /// <summary>Removes `--resume RUN` from a `run` command line; returns the folder (null when absent).</summary>
    public static string? TakeResume(ref string[] args)
    {
        int at = Array.IndexOf(args, "--resume");
        if (at < 0 || at + 1 >= args.Length) return null;
        string folder = args[at + 1];
        args = [.. args[..at], .. args[(at + 2)..]];
        return folder;
    }
}
