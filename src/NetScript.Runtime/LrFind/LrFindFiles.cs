using NetScript.Runtime.Recording;
using NetScript.Runtime.Statistics.Plots;
using static NetScript.Data.ResultsColumnType;

namespace NetScript.Runtime.LrFind;

/// <summary>RUN/lr_find.parquet (step, lr, loss, smoothed) and RUN/lr_find.png (smoothed and raw
/// loss against the rate on a log₁₀ axis, the suggestion marked); a second range test in the
/// same run writes lr_find-2.*, and so on.</summary>
internal static class LrFindFiles
{
    public static (string Table, string Plot) Write(string runFolder, string model, LrFindResult result)
    {
        string stem = Stem(runFolder);
        string table = Path.Combine(runFolder, stem + ".parquet"), plotPath = Path.Combine(runFolder, stem + ".png");
        var records = new RecordTable(table, new("step", Integer), new("lr", Real), new("loss", Real), new("smoothed", Real));
        for (int i = 0; i < result.Rates.Length; i++) records.Add((long)i, result.Rates[i], result.Losses[i], result.Smoothed[i]);
        records.Commit();

        var plot = PlotStyle.New($"learning-rate range test of {model}", "learning rate (log₁₀)", "training loss");
        double[] x = [.. result.Rates.Select(Math.Log10)];
        var raw = plot.Add.ScatterLine(x, result.Losses, PlotStyle.Color(1));
        raw.LegendText = "loss";
        raw.LineWidth = 1;
        raw.MarkerSize = 0;
        var smooth = plot.Add.ScatterLine(x, result.Smoothed, PlotStyle.Color(0));
        smooth.LegendText = "smoothed loss";
        smooth.LineWidth = 2;
        smooth.MarkerSize = 0;
        var steepest = plot.Add.VerticalLine(Math.Log10(result.Steepest), 1, PlotStyle.Color(2));
        steepest.LegendText = $"suggested {PlotStyle.Format(result.Steepest)} (steepest descent)";
        var minimum = plot.Add.VerticalLine(Math.Log10(result.Minimum / 10), 1, PlotStyle.Color(3));
        minimum.LegendText = $"minimum / 10 = {PlotStyle.Format(result.Minimum / 10)}";
        // The diverged tail would squash the useful part: the y axis stops a little above the start.
        double top = Math.Max(result.Smoothed[0], result.Smoothed.Min()) * 1.5;
        double bottom = Math.Min(result.Smoothed.Min(), result.Losses.Min());
        if (double.IsFinite(top) && double.IsFinite(bottom) && top > bottom) plot.Axes.SetLimitsY(bottom - 0.05 * (top - bottom), top);
        plot.ShowLegend(ScottPlot.Alignment.UpperLeft);
        return (table, PlotStyle.Save(plot, plotPath));
    }

    static string Stem(string folder)
    {
        for (int i = 1; ; i++)
        {
            string stem = i == 1 ? "lr_find" : $"lr_find-{i}";
            if (!File.Exists(Path.Combine(folder, stem + ".parquet")) && !File.Exists(Path.Combine(folder, stem + ".png"))) return stem;
        }
    }
}
