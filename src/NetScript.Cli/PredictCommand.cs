using System.Globalization;
using NetScript.Data;
using NetScript.Hosting;
using NetScript.Language.Diagnostics;
using NetScript.Runtime.Export;

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
        try
        {
            PredictionResult result = Prediction.Run(files[0], files[1], output, label);
            string what = result.Classes > 0 ? $"probabilities of {result.Classes} classes and the predicted class" : "the model's outputs";
            string accuracy = result.Accuracy is { } a ? string.Format(CultureInfo.InvariantCulture, "; accuracy against `label` {0:0.0000}", a) : "";
            stdout.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0}: {1:N0} rows, {2} ({3:0} rows/s){4}",
                output, result.Rows, what, result.RowsPerSecond, accuracy));
            return ExitCodes.Success;
        }
        catch (Exception e) when (e is ExportException or DataException or IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"netscript: error {DiagnosticCatalog.PredictFailed.Id}: {e.Message}");
            return ExitCodes.ScriptError;
        }
    }

    int Usage(string message)
    {
        stderr.WriteLine($"netscript: {message}");
        stderr.WriteLine("run `netscript --help` for usage");
        return ExitCodes.Usage;
    }
}
