using System.Globalization;
using NetScript.Hosting;
using NetScript.Language;
using NetScript.Language.Diagnostics;
using NetScript.Language.Semantics;
using NetScript.Language.Syntax;
using NetScript.Language.Text;
using NetScript.Repl;
using NetScript.Repl.Editing;
using NetScript.Runtime.Events;

namespace NetScript.Cli;

/// <summary>The command line, separated from Console so tests can run it in-process.</summary>
public sealed class CliApp(TextWriter stdout, TextWriter stderr, bool interactive)
{
    const string Usage = """
        usage: netscript <command> [options]

        commands:
          run FILE [--runs DIR] [--smoke] [--resume RUN] [--on slurm]
                                  check FILE, then run it; results go to a new folder under
                                  DIR (default: ./runs); --smoke runs each training for one
                                  epoch of 2 mini-batches (a quick test of the whole script);
                                  --resume RUN continues the run folder RUN instead (a search
                                  skips its finished trials); --on slurm runs a search's
                                  trials as a Slurm job array
          check FILE [--summary]  parse and check FILE without running anything; --summary
                                  prints each model's layers, output shapes and parameters
          fmt FILE                print FILE in the canonical layout (comments kept)
          data import SRC DEST.parquet [--labels FILE] [--label COLUMN]
                                  convert CSV or IDX (MNIST format) to Parquet
          data info FILE.parquet [--read]
                                  describe a Parquet dataset; --read times reading it
          predict MODEL.nnsm DATA.parquet|csv --out PREDS.parquet [--label COLUMN]
                                  run an exported model on new rows (with its own
                                  preprocessing): class probabilities and the prediction
          stats RUN_DIR           print the latest per-layer statistics of each training in
                                  a run folder (plots, Parquet tables and a TensorBoard log
                                  are in RUN_DIR/MODEL/)
          compare RUN_DIR... [--metric M] [--mode max|min] [--plot FILE]
                                  the trainings of run folders side by side on one metric
                                  (default val_acc): a table and a PNG of the curves
          repl [FILE] [--runs DIR]
                                  the interactive REPL (full-screen); FILE is run first
          --version               print the version
          --help                  print this help

        exit codes: 0 ok, 1 errors in the script or while running it (a full disk or a folder
        without permission included), 2 bad command line, 130 stopped by Ctrl-C, 143 stopped
        by SIGTERM (both save a checkpoint first)
        """;

    public int Run(string[] args, CancellationToken cancellation)
    {
        if (args.Length == 0 || args[0] is "--help" or "-h" or "help")
        {
            (args.Length == 0 ? stderr : stdout).WriteLine(Usage);
            return args.Length == 0 ? ExitCodes.Usage : ExitCodes.Success;
        }
        if (args[0] is "--version")
        {
            stdout.WriteLine("netscript " + typeof(CliApp).Assembly.GetName().Version?.ToString(3));
            return ExitCodes.Success;
        }
        string? resume = args[0] == "run" ? SearchWorkerCommand.TakeOption(ref args, "--resume") : null;
        string? on = args[0] == "run" ? SearchWorkerCommand.TakeOption(ref args, "--on") : null;
        if (on is not null and not ("slurm" or "local")) return UsageError($"--on: `{on}` is not a backend; use `--on slurm` or `--on local`");
        if (resume is not null && !Directory.Exists(resume)) return UsageError($"--resume: no run folder `{resume}`");
        return args[0] switch
        {
            "run" => WithFile(args, options => RunScript(options.File!, options.RunsDirectory, options.Smoke, cancellation, resume, on == "slurm")),
            "search-worker" => SearchWorkerCommand.Run(args, stderr, cancellation),
            "check" => WithFile(args, options => CheckScript(options.File!, options.Summary)),
            "fmt" => WithFile(args, options => FormatScript(options.File!)),
            "repl" => WithFile(args, options => Repl(options.File, options.RunsDirectory), fileRequired: false),
            "data" => new DataCommand(stdout, stderr).Run(args[1..]),
            "compare" => CompareCommand.Run(args[1..], stdout, stderr, UsageError),
            "predict" => new PredictCommand(stdout, stderr).Run(args[1..]),
            "stats" => args.Length == 2 && !args[1].StartsWith('-') ? StatsCommand.Run(args[1], stdout, stderr)
                : UsageError(args.Length < 2 ? "`stats` needs a run folder" : $"unexpected argument `{args[^1]}`"),
            _ => UsageError($"unknown command `{args[0]}`{Suggestions.DidYouMean(args[0], ["run", "check", "fmt", "repl", "data", "stats", "compare", "predict"])}"),
        };
    }

    int WithFile(string[] args, Func<(string? File, string RunsDirectory, bool Summary, bool Smoke), int> action, bool fileRequired = true)
    {
        string? file = null;
        string runs = "runs";
        bool summary = false, smoke = false;
        for (int i = 1; i < args.Length; i++)
        {
            if (args[i] == "--runs")
            {
                if (i + 1 >= args.Length || args[i + 1].StartsWith('-')) return UsageError("`--runs` is missing its value: `--runs DIR`");
                runs = args[++i];
            }
            else if (args[i] == "--summary" && args[0] == "check") summary = true;
            else if (args[i] == "--smoke" && args[0] == "run") smoke = true;
            else if (args[i].StartsWith('-')) return UsageError($"unknown option `{args[i]}`");
            else if (file is null) file = args[i];
            else return UsageError($"unexpected argument `{args[i]}`");
        }
        return file is null && fileRequired ? UsageError($"`{args[0]}` needs a script file") : action((file, runs, summary, smoke));
    }

    int UsageError(string message)
    {
        stderr.WriteLine($"netscript: {message}");
        stderr.WriteLine("run `netscript --help` for usage");
        return ExitCodes.Usage;
    }

    SourceText? Read(string file)
    {
        try
        {
            return SourceText.Load(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            string reason = e switch
            {
                _ when Directory.Exists(file) => "it is a directory; name a .nns file",
                FileNotFoundException or DirectoryNotFoundException => "no such file",
                UnauthorizedAccessException => "permission denied",
                _ => e.Message,
            };
            stderr.WriteLine($"{file}: error {DiagnosticCatalog.FileError.Id}: cannot read the script: {reason}");
            return null;
        }
    }

    int Repl(string? file, string runsDirectory)
    {
        if (!interactive || Console.IsInputRedirected)
        {
            stderr.WriteLine("netscript: `repl` needs a terminal (use `netscript run FILE` in scripts and pipes)");
            return ExitCodes.Usage;
        }
        return ReplApp.Run(new ReplOptions(runsDirectory, InputHistory.DefaultPath(), file));
    }

    int CheckScript(string file, bool summary)
    {
        if (Read(file) is not { } source) return ExitCodes.ScriptError;
        using var session = new Session(new SessionOptions(null, new ProgressPrinter(stdout, interactive)));
        Compilation compilation = session.Check(source);
        PrintDiagnostics(compilation.Diagnostics);
        if (compilation.HasErrors) return ExitCodes.ScriptError;
        if (summary) PrintSummaries(compilation.Program!);
        int statements = compilation.Syntax.Statements.Length;
        stdout.WriteLine($"{file}: ok ({statements} statement{(statements == 1 ? "" : "s")}, "
            + $"{compilation.Diagnostics.Length} warning{(compilation.Diagnostics.Length == 1 ? "" : "s")})");
        return ExitCodes.Success;
    }

    int FormatScript(string file)
    {
        if (Read(file) is not { } source) return ExitCodes.ScriptError;
        ScriptSyntax syntax = SyntaxParser.Parse(source);
        PrintDiagnostics(syntax.Diagnostics);
        if (!syntax.Diagnostics.IsEmpty) return ExitCodes.ScriptError;
        stdout.Write(SyntaxFormatter.Format(syntax));
        return ExitCodes.Success;
    }

    int RunScript(string file, string runsDirectory, bool smoke, CancellationToken cancellation, string? resume = null, bool slurm = false)
    {
        if (Read(file) is not { } source) return ExitCodes.ScriptError;
        var printer = new ProgressPrinter(stdout, interactive);
        using var session = new Session(new SessionOptions(runsDirectory, printer)
        {
            Smoke = smoke,
            ResumeRunFolder = resume,
            SearchOnSlurm = slurm,
        });
        var clock = System.Diagnostics.Stopwatch.StartNew();
        SubmissionResult result = session.Submit(source, cancellation);
        PrintDiagnostics(result.Diagnostics);
        if (result.Compilation.HasErrors) return ExitCodes.ScriptError;
        if (result.Cancelled)
        {
            stderr.WriteLine("stopped; results so far are in " + result.RunFolder);
            return ExitCodes.Cancelled;
        }
        if (result.Failed) return ExitCodes.ScriptError;

        string seconds = clock.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        // Accuracy when the model makes class decisions, otherwise (regression) the loss.
        static string Final(string split, Metrics m) => double.IsNaN(m.Accuracy)
            ? $"{split} loss {m.Loss.ToString("0.0000", CultureInfo.InvariantCulture)}"
            : $"{split} accuracy {m.Accuracy.ToString("0.0000", CultureInfo.InvariantCulture)}";
        var finals = printer.FinalTrain.Select(kv =>
            $"{kv.Key}: {Final("train", kv.Value)}" + (printer.FinalValidation[kv.Key] is { } v ? $", {Final("validation", v)}" : ""))
            .Concat(printer.CrossValidations.Select(cv => $"{cv.Model}: {cv.Results.Count}-fold validation "
                + (double.IsNaN(cv.ValidationAccuracy.Mean) ? $"loss {RunEventText.Spread(cv.ValidationLoss)}" : $"accuracy {RunEventText.Spread(cv.ValidationAccuracy)}")))
            .ToList();
        printer.WriteLine($"done in {seconds} s" + (finals.Count > 0 ? " — " + string.Join("; ", finals) : ""));
        return ExitCodes.Success;
    }

    void PrintSummaries(CheckedProgram program)
    {
        var summaries = ModelSummary.Of(program, out var untrained);
        foreach (ModelSummary model in summaries)
            stdout.WriteLine(SummaryTable.Format(model));
        foreach (string model in untrained)
            stdout.WriteLine($"model `{model}`: not trained in this script, so its input shape (and its layers' sizes) are not known\n");
    }

    void PrintDiagnostics(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (Diagnostic diagnostic in diagnostics)
            stderr.WriteLine(DiagnosticFormatter.Format(diagnostic));
    }
}
