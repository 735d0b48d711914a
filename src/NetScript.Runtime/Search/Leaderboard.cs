using System.Globalization;
using System.Text;
using NetScript.Language.Semantics;

namespace NetScript.Runtime.Search;

/// <summary>The table printed when a search ends (and the line per finished trial): rank,
/// trial, score (mean ± std over folds), the parameters, seconds and state.</summary>
public static class Leaderboard
{
    static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>At most <paramref name="rows"/> trials, best first, then how many were left out.</summary>
    public static string Format(SearchPlan plan, IReadOnlyList<TrialResult> ranked, int rows = 10)
    {
        var lines = new List<string[]> { new[] { "rank", "trial", plan.Metric }.Concat(plan.Space.Select(d => d.Name)).Concat(["seconds", "state"]).ToArray() };
        foreach (var (r, i) in ranked.Take(rows).Select((r, i) => (r, i)))
        {
            lines.Add(new[] { (i + 1).ToString(Invariant), r.Id.ToString(Invariant), Score(r) }
                .Concat(plan.Space.Select(d => TrialValues.Format(r.Trial.Values[d.Name])))
                .Concat([r.WallSeconds.ToString("0.0", Invariant), State(r)]).ToArray());
        }
        int[] widths = Enumerable.Range(0, lines[0].Length).Select(c => lines.Max(l => l[c].Length)).ToArray();
        var text = new StringBuilder();
        int completed = ranked.Count(r => r.State == TrialState.Completed);
        text.AppendLine(CultureInfo.InvariantCulture, $"search {plan.Kind}: {completed} of {ranked.Count} trials completed, "
            + $"{(plan.Maximize ? "maximizing" : "minimizing")} {plan.Metric}");
        foreach (string[] line in lines)
            text.AppendLine("  " + string.Join("  ", line.Select((cell, c) => c is 0 or 1 || c == 2 ? cell.PadLeft(widths[c]) : cell.PadRight(widths[c]))).TrimEnd());
        if (ranked.Count > rows) text.AppendLine(CultureInfo.InvariantCulture, $"  … {ranked.Count - rows} more in trials.parquet");
        return text.ToString().TrimEnd();
    }

    /// <summary>"trial 3/20  lr=0.003 units=64  val_acc 0.9123 ± 0.0100  2.1 s  (best 0.9200, trial 1)".</summary>
    public static string Line(SearchPlan plan, TrialResult r, TrialResult? best, int finished, int total) =>
        $"trial {r.Id} ({finished}/{total})  {r.Trial.Describe(plan.Space)}  "
        + (r.State == TrialState.Completed ? $"{plan.Metric} {Score(r)}" : $"{State(r)}: {r.Message}")
        + $"  {r.WallSeconds.ToString("0.0", Invariant)} s"
        + (best is null ? "" : $"  (best {best.Score.ToString("0.0000", Invariant)}, trial {best.Id})");

    public static string Score(TrialResult r) => r.State != TrialState.Completed ? "-"
        : r.Score.ToString("0.0000", Invariant) + (double.IsNaN(r.ScoreStd) ? "" : " ± " + r.ScoreStd.ToString("0.0000", Invariant));

    static string State(TrialResult r) => r.State.ToString().ToLowerInvariant();
}
