using NetScript.Hosting;
using NetScript.Language.Diagnostics;

namespace NetScript.Repl.Commands;

/// <summary>The REPL's `:commands`, dispatched in this one place. (When the language's
/// grammar parses `:name argument` itself, only <see cref="Execute"/>'s input changes.)</summary>
public static class ReplCommands
{
    sealed record Entry(string Usage, string Summary, Action<ReplController, string> Run);

    static readonly Dictionary<string, Entry> Table = new(StringComparer.Ordinal)
    {
        ["help"] = new(":help [statement]", "statements and commands; with a name, its arguments and defaults",
            (s, arg) => s.Output.Add(arg.Length == 0 ? HelpText.Overview() : HelpText.For(arg), OutputKind.Result)),
        ["load"] = new(":load FILE", "run a .nns script in this session", (s, arg) => s.Load(arg)),
        ["save"] = new(":save FILE", "write this session's statements as a script `netscript run` reproduces", (s, arg) => s.Save(arg)),
        ["summary"] = new(":summary", "datasets, and each model's layers with shapes and parameters",
            (s, _) => s.Output.Add(SessionReports.Summary(s.Runner.Session.Symbols), OutputKind.Result)),
        ["stats"] = new(":stats", "all epochs and the latest per-layer statistics of the last training",
            (s, _) => s.Output.Add(SessionReports.Statistics(s.Runner.Monitor.Training), OutputKind.Result)),
        ["runs"] = new(":runs", "the run folders of this directory and their results",
            (s, _) => s.Output.Add(SessionReports.Runs(s.RunsDirectory), OutputKind.Result)),
        ["compare"] = new(":compare [RUN_DIR …] [--metric M]", "the trainings of run folders (default: this session's) side by side, with a PNG of the curves",
            (s, arg) => s.Output.Add(Compare(s, arg), OutputKind.Result)),
        ["reset"] = new(":reset", "forget every definition, dataset, model and fitted preprocessing (only while nothing runs)", (s, _) => s.Reset()),
        ["clear"] = new(":clear", "clear the output pane (also Ctrl+L); the session keeps everything", (s, _) => s.ClearOutput()),
        ["quit"] = new(":quit", "stop what runs and leave (also Ctrl+Q)", (s, _) => s.Quit()),
    };

    /// <summary>`:compare` as `netscript compare` does it; without folders, this session's run.</summary>
    static string Compare(ReplController session, string argument)
    {
        var words = argument.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        string? metric = null;
        int at = words.IndexOf("--metric");
        if (at >= 0)
        {
            if (at + 1 >= words.Count) return "`--metric` needs a value, e.g. `:compare --metric val_loss`";
            metric = words[at + 1];
            words.RemoveRange(at, 2);
        }
        if (words.Count == 0 && session.Runner.Session.RunFolderPath is { } own) words.Add(own);
        if (words.Count == 0) return "nothing has trained in this session yet; name run folders: `:compare runs/A runs/B`";
        ComparisonResult result = Comparisons.Compare(words, metric, higherIsBetter: null, plotFile: null);
        return result.Error ?? result.Table + (result.Plot is null ? "" : "plot: " + result.Plot);
    }

    public static IEnumerable<string> Names => Table.Keys;

    public static IEnumerable<(string Usage, string Summary)> Descriptions => Table.Values.Select(e => (e.Usage, e.Summary));

    public static void Execute(ReplController session, ReplCommand command)
    {
        if (!Table.TryGetValue(command.Name, out var entry))
        {
            session.Report(DiagnosticCatalog.UnknownCommand, command.Name, Suggestions.DidYouMean(command.Name, Table.Keys));
            return;
        }
        if (entry.Usage.Contains("FILE", StringComparison.Ordinal) && command.Argument.Length == 0)
        {
            session.Report(DiagnosticCatalog.CommandUsage, entry.Usage);
            return;
        }
        entry.Run(session, command.Argument);
    }
}
