using NetScript.Hosting;

namespace NetScript.Cli;

/// <summary><c>netscript compare RUN_DIR… [--metric M] [--mode max|min] [--plot FILE]</c>: the
/// trainings of several run folders side by side — a table and one PNG of overlaid curves.</summary>
internal static class CompareCommand
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, Func<string, int> usageError)
    {
        var paths = new List<string>();
        string? metric = null, plot = null;
        bool? higher = null;
        for (int i = 0; i < args.Length; i++)
        {
            string arg = args[i];
            if (arg is "--metric" or "--mode" or "--plot")
            {
                if (i + 1 >= args.Length || args[i + 1].StartsWith('-')) return usageError($"`{arg}` needs a value");
                string value = args[++i];
                if (arg == "--metric") metric = value;
                else if (arg == "--plot") plot = value;
                else if (value is "max" or "min") higher = value == "max";
                else return usageError($"`--mode` is `max` or `min`, not `{value}`");
            }
            else if (arg.StartsWith('-')) return usageError($"unknown option `{arg}`");
            else paths.Add(arg);
        }
        if (paths.Count == 0) return usageError("`compare` needs one or more run folders");

        ComparisonResult result = Comparisons.Compare(paths, metric, higher, plot);
        if (result.Error is not null)
        {
            stderr.WriteLine($"netscript compare: error: {result.Error}");
            return ExitCodes.ScriptError;
        }
        stdout.Write(result.Table);
        if (result.Plot is not null) stdout.WriteLine("plot: " + result.Plot);
        return ExitCodes.Success;
    }
}
