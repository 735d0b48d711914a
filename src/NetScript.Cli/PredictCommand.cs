using NetScript.Hosting;
using NetScript.Language.Diagnostics;

namespace NetScript.Cli;

/// <summary><c>netscript predict MODEL DATA --out PREDS.parquet [--label COLUMN]</c>: runs an
/// exported model on new rows (its own preprocessing included).</summary>
internal sealed class PredictCommand(TextWriter stdout, TextWriter stderr)
{
    public int Run(string[] args)
    {
        var files = new List<string>();
        string? output = null, label = null;
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--out" && i + 1 < args.Length) output = args[++i];
            else if (args[i] == "--label" && i + 1 < args.Length) label = args[++i];
            else if (args[i].StartsWith('-')) return Usage($"unknown option `{args[i]}`");
            else files.Add(args[i]);
        }
        if (files.Count != 2) return Usage("`predict` needs a model file and a data file (.parquet or .csv)");
        if (output is null) return Usage("`predict` needs --out PREDICTIONS.parquet");
        if (!output.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase)) return Usage($"--out names a .parquet file, not `{output}`");
        var (summary, error) = Prediction.Run(files[0], files[1], output, label);
        if (error is not null)
        {
            stderr.WriteLine($"netscript: error {DiagnosticCatalog.PredictFailed.Id}: {error}");
            return ExitCodes.ScriptError;
        }
        stdout.WriteLine(summary);
        return ExitCodes.Success;
    }

    int Usage(string message)
    {
        stderr.WriteLine($"netscript: {message}");
        stderr.WriteLine("run `netscript --help` for usage");
        return ExitCodes.Usage;
    }
}
