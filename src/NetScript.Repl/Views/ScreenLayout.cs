using NetScript.Language.Semantics;

namespace NetScript.Repl.Views;

/// <summary>What the screen shows at a given size, degrading in a fixed order as it shrinks:
/// the statistics pane keeps at least <see cref="MinStatsWidth"/> columns, the status line
/// keeps the run state first and drops data, then models; the key line abbreviates; the
/// layer table drops columns by <see cref="LayerColumnPriority"/> (from the columns of
/// <see cref="Hosting.Statistics.LayerTable.Compact"/>) and a search's leaderboard its
/// parameters, both through <see cref="FitTable"/>; the chart hides below
/// <see cref="MinChartPaneHeight"/> rows.</summary>
public static class ScreenLayout
{
    public const int MinStatsWidth = 38;

    /// <summary>Below this width the output pane gets what the statistics pane leaves; above, half.</summary>
    public const int SplitEvenlyFrom = 100;

    /// <summary>The statistics pane's inner height from which the loss/accuracy chart is drawn.</summary>
    public const int MinChartPaneHeight = 26;

    /// <summary>Which layer columns stay longest: the update/weight ratio and dead units are
    /// what a user acts on; mean and std go first.</summary>
    public static readonly string[] LayerColumnPriority = ["layer", "upd/w", "dead%", "|grad|", "std", "mean"];

    /// <summary><see cref="LayerColumnPriority"/> as indexes into the columns of
    /// <see cref="Hosting.Statistics.LayerTable.Compact"/> (their display order).</summary>
    public static readonly int[] LayerPriority = [.. LayerColumnPriority.Select(c => Array.IndexOf(Hosting.Statistics.LayerTable.Compact, c))];

    /// <summary>The key lines, longest first; "F5" stands for what F5 does now.</summary>
    static readonly string[][] KeyLines =
    [
        ["Enter run", "Tab complete", "↑↓ history", "^R search", "F5", "F6/^C stop", "^L clear", "F7 output", "F1 help", "^Q quit"],
        ["Enter run", "Tab complete", "↑↓ ^R history", "F5", "^C stop", "^L clear", "F7 copy", "F1 help", "^Q quit"],
        ["Enter", "Tab", "↑↓ ^R", "F5", "^C stop", "^L clear", "F1 help", "^Q quit"],
    ];

    /// <summary>The input box's rows for input that wraps to <paramref name="rows"/> rows: at
    /// least <paramref name="minimum"/>, at most a quarter of the screen's height.</summary>
    public static int InputRows(int rows, int screenHeight, int minimum) =>
        Math.Clamp(rows, minimum, Math.Max(minimum, (screenHeight - 2) / 4));

    public static int OutputWidth(int width) =>
        width >= SplitEvenlyFrom ? width / 2 : Math.Max(1, width - MinStatsWidth);

    /// <summary>The longest key line that fits, with F5 as what it does now: "F5 pause", "F5
    /// resume", or nothing while a search runs (F5 does not pause one).</summary>
    public static string KeyLine(PauseKey pause, int width)
    {
        string? f5 = pause switch
        {
            PauseKey.Pause => "F5 pause",
            PauseKey.Resume => "F5 resume",
            _ => null,
        };
        string Line(string[] keys) => " " + string.Join(" │ ", keys.Select(k => k == "F5" ? f5 : k).OfType<string>());
        foreach (string[] keys in KeyLines)
        {
            string text = Line(keys);
            if (text.Length <= width) return text;
        }
        return Cut(Line(KeyLines[^1]), width);
    }

    /// <summary>" running: STATEMENT │ PROGRESS │ models: … │ data: …": the state always, then
    /// as much of the rest as fits, dropping data first, then models, then the progress (a
    /// search's "2/12 trials"); a long statement is cut before any of them is dropped only
    /// while at least 24 columns of it stay.</summary>
    public static string StatusLine(SessionSymbols symbols, string? running, bool paused, int width, string? progress = null)
    {
        string datasets = symbols.Datasets.IsEmpty ? "none" : string.Join(" ", symbols.Datasets.Keys.Order(StringComparer.Ordinal));
        string models = symbols.Models.IsEmpty ? "none" : string.Join(" ", symbols.Models.Keys.Order(StringComparer.Ordinal));
        string job = running is null ? "idle" : (paused ? "paused: " : "running: ") + running;
        string[] rest = progress is null ? ["models: " + models, "data: " + datasets] : [progress, "models: " + models, "data: " + datasets];
        for (int keep = rest.Length; keep >= 0; keep--)
        {
            string tail = string.Concat(rest.Take(keep).Select(p => " │ " + p));
            int room = width - 1 - tail.Length;
            if (room >= Math.Min(job.Length, 24)) return " " + Cut(job, room) + tail;
        }
        return " " + Cut(job, width - 1);
    }

    /// <summary><paramref name="text"/>, ending in `…` when it is longer than <paramref name="width"/>.</summary>
    public static string Cut(string text, int width) =>
        width <= 0 ? "" : text.Length <= width ? text : text[..Math.Max(0, width - 1)] + "…";

    /// <summary>The first of <paramref name="parts"/> (cut to <paramref name="width"/>), then each
    /// of the others, in order, that still fits, joined by " · " (null parts are left out): the
    /// statistics pane's headline and its line of rates.</summary>
    public static string Parts(IEnumerable<string?> parts, int width)
    {
        string? line = null;
        foreach (string part in parts.OfType<string>())
        {
            if (line is null) line = Cut(part, width);
            else if (line.Length + 3 + part.Length <= width) line += " · " + part;
        }
        return line ?? "";
    }

    /// <summary>A table cut to <paramref name="width"/>: the headers and rows of the columns
    /// <see cref="FitColumns"/> keeps (a column is as wide as its widest cell or header).</summary>
    public static (string[] Headers, List<string[]> Rows) FitTable(IReadOnlyList<string> headers, IReadOnlyList<string[]> rows, IReadOnlyList<int> priority, int width)
    {
        int[] widths = [.. Enumerable.Range(0, headers.Count).Select(c => rows.Select(r => r[c].Length).Append(headers[c].Length).Max())];
        int[] columns = FitColumns(widths, priority, width);
        return ([.. columns.Select(c => headers[c])], [.. rows.Select(r => columns.Select(c => r[c]).ToArray())]);
    }

    /// <summary>The columns (indexes, in display order) that fit in <paramref name="width"/>,
    /// taken by <paramref name="priority"/> until the next one does not fit (one column of
    /// separator between two); the first by priority is kept whatever its width. The layer
    /// table (<see cref="LayerPriority"/>) and the live leaderboard
    /// (<see cref="Hosting.Interactive.LeaderboardTable.Priority"/>) degrade this way.</summary>
    public static int[] FitColumns(IReadOnlyList<int> widths, IReadOnlyList<int> priority, int width)
    {
        var kept = new List<int>();
        int used = 0;
        foreach (int column in priority)
        {
            int need = widths[column] + (kept.Count == 0 ? 0 : 1);
            if (used + need > width && kept.Count > 0) break;
            kept.Add(column);
            used += need;
        }
        kept.Sort();
        return [.. kept];
    }
}
