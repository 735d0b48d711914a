using NetScript.Language.Semantics;

namespace NetScript.Repl.Views;

/// <summary>What the screen shows at a given size, degrading in a fixed order as it shrinks:
/// the statistics pane keeps at least <see cref="MinStatsWidth"/> columns, the status line
/// keeps the run state first and drops data, then models; the key line abbreviates; the
/// layer table drops columns by <see cref="LayerColumnPriority"/> (from the columns of
/// <see cref="Hosting.Statistics.LayerTable.Compact"/>); the chart hides below
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

    static readonly string[] KeyLines =
    [
        " Enter run │ Tab complete │ ↑↓ history │ ^R search │ F5 {0} │ F6/^C stop │ ^L clear │ F7 output │ F1 help │ ^Q quit",
        " Enter run │ Tab complete │ ↑↓ ^R history │ F5 {0} │ ^C stop │ ^L clear │ F7 copy │ F1 help │ ^Q quit",
        " Enter │ Tab │ ↑↓ ^R │ F5 {0} │ ^C stop │ ^L clear │ F1 help │ ^Q quit",
    ];

    public static int OutputWidth(int width) =>
        width >= SplitEvenlyFrom ? width / 2 : Math.Max(1, width - MinStatsWidth);

    /// <summary>The longest key line that fits.</summary>
    public static string KeyLine(bool paused, int width)
    {
        string action = paused ? "resume" : "pause";
        foreach (string line in KeyLines)
        {
            string text = string.Format(System.Globalization.CultureInfo.InvariantCulture, line, action);
            if (text.Length <= width) return text;
        }
        return Cut(string.Format(System.Globalization.CultureInfo.InvariantCulture, KeyLines[^1], action), width);
    }

    /// <summary>" running: STATEMENT │ models: … │ data: …": the state always, then as much of
    /// the rest as fits (a long statement is cut before models or data are dropped only while
    /// at least 24 columns of it stay).</summary>
    public static string StatusLine(SessionSymbols symbols, string? running, bool paused, int width)
    {
        string datasets = symbols.Datasets.IsEmpty ? "none" : string.Join(" ", symbols.Datasets.Keys.Order(StringComparer.Ordinal));
        string models = symbols.Models.IsEmpty ? "none" : string.Join(" ", symbols.Models.Keys.Order(StringComparer.Ordinal));
        string job = running is null ? "idle" : (paused ? "paused: " : "running: ") + running;
        string[] rest = ["models: " + models, "data: " + datasets];
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

    /// <summary>The layer columns (in display order) whose widths fit in <paramref name="width"/>.</summary>
    public static string[] LayerColumns(IReadOnlyDictionary<string, int> widths, int width)
    {
        var kept = new HashSet<string>(StringComparer.Ordinal);
        int used = 0;
        foreach (string column in LayerColumnPriority)
        {
            int need = widths[column] + (kept.Count == 0 ? 0 : 1);
            if (used + need > width && kept.Count > 0) break;
            kept.Add(column);
            used += need;
        }
        return [.. Hosting.Statistics.LayerTable.Compact.Where(kept.Contains)];
    }
}
