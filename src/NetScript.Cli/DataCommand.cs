using System.Globalization;
using NetScript.Hosting;
using NetScript.Language.Diagnostics;

namespace NetScript.Cli;

/// <summary><c>netscript data import|info</c>: data files outside a script.</summary>
internal sealed class DataCommand(TextWriter stdout, TextWriter stderr)
{
    static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public int Run(string[] args)
    {
        if (args.Length == 0) return Usage("`data` needs a subcommand: import or info");
        try
        {
            return args[0] switch
            {
                "import" => Import(args[1..]),
                "info" => Info(args[1..]),
                _ => Usage($"unknown data subcommand `{args[0]}`{Suggestions.DidYouMean(args[0], ["import", "info"])}"),
            };
        }
        catch (InvalidDataException e)
        {
            stderr.WriteLine($"netscript: error {DiagnosticCatalog.DataError.Id}: {e.Message}");
            return ExitCodes.ScriptError;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"netscript: error {DiagnosticCatalog.FileError.Id}: {e.Message}");
            return ExitCodes.ScriptError;
        }
    }

    int Import(string[] args)
    {
        var files = new List<string>();
        string? labels = null, label = null;
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--labels" && i + 1 < args.Length) labels = args[++i];
            else if (args[i] == "--label" && i + 1 < args.Length) label = args[++i];
            else if (args[i].StartsWith('-')) return Usage($"unknown option `{args[i]}`");
            else files.Add(args[i]);
        }
        if (files.Count != 2) return Usage("`data import` needs a source file and a destination .parquet file");
        stdout.WriteLine($"{files[1]}: {DataTools.Import(files[0], files[1], labels, label)}");
        return ExitCodes.Success;
    }

    int Info(string[] args)
    {
        bool read = args.Contains("--read");
        var files = args.Where(a => a != "--read").ToList();
        if (files.Any(f => f.StartsWith('-'))) return Usage($"unknown option `{files.First(f => f.StartsWith('-'))}`");
        if (files.Count != 1) return Usage("`data info` needs one .parquet file");
        stdout.WriteLine($"{files[0]}: {DataTools.Describe(files[0])}");
        if (!read) return ExitCodes.Success;
        ReadMeasurement m = DataTools.MeasureRead(files[0]);
        stdout.WriteLine(string.Format(Invariant, "read into tensors in {0:0.000} s (best of 5; mean {1:0.000} s): {2:0} MB/s of float32 tensors, {3:0} MB/s of file",
            m.BestSeconds, m.MeanSeconds, m.TensorMegabytesPerSecond, m.FileMegabytesPerSecond));
        return ExitCodes.Success;
    }

    int Usage(string message)
    {
        stderr.WriteLine($"netscript: {message}");
        stderr.WriteLine("run `netscript --help` for usage");
        return ExitCodes.Usage;
    }
}
