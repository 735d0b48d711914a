using NetScript.Language.Semantics;
using NetScript.Runtime.Statistics.Plots;

namespace NetScript.Runtime.Search;

/// <summary>PNG plots of a search in RUN/search-plots: the score against each parameter (a
/// log₁₀ axis for `loguniform`, one column per value for `choice`), every trial's score with the
/// best so far against the trial number, and for coarse to fine each parameter's range per
/// round (as a share of the block's range, in log space for `loguniform`).</summary>
internal static class SearchPlots
{
    public const string Folder = "search-plots";

    public static IReadOnlyList<string> Write(string runFolder, SearchPlan plan, IReadOnlyList<TrialResult> results,
        IReadOnlyList<IReadOnlyList<SearchDimension>> rounds)
    {
        string folder = Path.Combine(runFolder, Folder);
        Directory.CreateDirectory(folder);
        var completed = results.Where(r => r.State == TrialState.Completed).OrderBy(r => r.Id).ToList();
        var written = new List<string>();
        if (completed.Count == 0) return written;
        foreach (SearchDimension d in plan.Space)
            written.Add(ScoreAgainst(plan, d, completed, Path.Combine(folder, $"score-vs-{d.Name}.png")));
        written.Add(BestSoFar(plan, completed, Path.Combine(folder, "best-so-far.png")));
        if (rounds.Count > 1) written.Add(Rounds(plan, rounds, Path.Combine(folder, "rounds.png")));
        return written;
    }

    static string ScoreAgainst(SearchPlan plan, SearchDimension d, List<TrialResult> trials, string path)
    {
        string label = d.IsLog ? $"{d.Name} (log₁₀)" : d.Name;
        var plot = PlotStyle.New($"{plan.Metric} against {d.Name}", label, plan.Metric);
        double[] x = [.. trials.Select(t => d.Kind == DistributionKind.Choice ? d.Choices.IndexOf(t.Trial.Values[d.Name])
            : d.IsLog ? Math.Log10(TrialValues.Number(t.Trial.Values[d.Name])) : TrialValues.Number(t.Trial.Values[d.Name]))];
        var points = plot.Add.ScatterPoints(x, [.. trials.Select(t => t.Score)], PlotStyle.Color(0));
        points.MarkerSize = 8;
        if (d.Kind == DistributionKind.Choice)
            plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, d.Choices.Length).Select(i => (double)i)], [.. d.Choices.Select(TrialValues.Format)]);
        return PlotStyle.Save(plot, path);
    }

    static string BestSoFar(SearchPlan plan, List<TrialResult> trials, string path)
    {
        var plot = PlotStyle.New($"{plan.Metric} per trial", "trial", plan.Metric);
        double[] x = [.. trials.Select(t => (double)t.Id)];
        var each = plot.Add.ScatterPoints(x, [.. trials.Select(t => t.Score)], PlotStyle.Color(0));
        each.LegendText = "trial";
        double best = plan.Maximize ? double.NegativeInfinity : double.PositiveInfinity;
        double[] running = [.. trials.Select(t => best = plan.Maximize ? Math.Max(best, t.Score) : Math.Min(best, t.Score))];
        var line = plot.Add.ScatterLine(x, running, PlotStyle.Color(1));
        line.LegendText = "best so far";
        line.LineWidth = 2;
        line.ConnectStyle = ScottPlot.ConnectStyle.StepHorizontal;
        plot.ShowLegend(plan.Maximize ? ScottPlot.Alignment.LowerRight : ScottPlot.Alignment.UpperRight);
        return PlotStyle.Save(plot, path);
    }

    static string Rounds(SearchPlan plan, IReadOnlyList<IReadOnlyList<SearchDimension>> rounds, string path)
    {
        var plot = PlotStyle.New("coarse to fine: ranges per round", "round", "share of the block's range");
        double[] x = [.. Enumerable.Range(1, rounds.Count).Select(r => (double)r)];
        int color = 0;
        foreach (SearchDimension d in plan.Space.Where(d => d.Kind != DistributionKind.Choice))
        {
            double Unit(double v) => d.IsLog ? (Math.Log(v) - Math.Log(d.Low)) / (Math.Log(d.High) - Math.Log(d.Low)) : (v - d.Low) / (d.High - d.Low);
            var dims = rounds.Select(r => r.First(s => s.Name == d.Name)).ToList();
            var low = plot.Add.ScatterLine(x, [.. dims.Select(s => Unit(s.Low))], PlotStyle.Color(color));
            var high = plot.Add.ScatterLine(x, [.. dims.Select(s => Unit(s.High))], PlotStyle.Color(color++));
            low.LegendText = d.Name + (d.IsLog ? " (log)" : "");
            low.LineWidth = high.LineWidth = 2;
        }
        plot.ShowLegend(ScottPlot.Alignment.UpperRight);
        return PlotStyle.Save(plot, path);
    }
}
