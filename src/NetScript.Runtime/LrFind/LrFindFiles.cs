using NetScript.Runtime.Recording;
using NetScript.Runtime.Statistics.Plots;
using static NetScript.Data.ResultsColumnType;

namespace NetScript.Runtime.LrFind;

/// <summary>RUN/lr_find.parquet (step, lr, loss, smoothed), RUN/lr_find.json (the suggestion and
/// where the loss diverged) and RUN/lr_find.png (raw and smoothed loss against the rate on a log
/// axis, the suggestion marked); a second range test in the same run writes lr_find-2.*, and so on.</summary>
internal static class LrFindFiles
{
    /// <summary>Writes the three files and returns the plot's path.</summary>
    public static string Write(RunFolder run, string model, string data, LrFindResult result)
    {
        string stem = Stem(run.Path);
        var records = new RecordTable(Path.Combine(run.Path, stem + ".parquet"), new("step", Integer), new("lr", Real), new("loss", Real), new("smoothed", Real));
        for (int i = 0; i < result.Rates.Length; i++) records.Add((long)i, result.Rates[i], result.Losses[i], result.Smoothed[i]);
        records.Commit();
        run.WriteJson(stem + ".json", new
        {
            model,
            data,
            suggested_lr = result.Suggested,
            suggested_by = "steepest descent of the smoothed loss",
            lowest_loss_lr = result.Minimum,
            diverged_at = result.DivergedAt,
            tried = result.Rates.Length,
            planned = result.Planned,
        });
        return PlotStyle.Save(Plot(model, result), Path.Combine(run.Path, stem + ".png"));
    }

    static ScottPlot.Plot Plot(string model, LrFindResult result)
    {
        var plot = PlotStyle.New($"learning-rate range test of {model}", "learning rate", "training loss");
        double[] x = [.. result.Rates.Select(Math.Log10)];
        var raw = plot.Add.ScatterLine(x, result.Losses, PlotStyle.Color(1));
        raw.LegendText = "loss";
        raw.LineWidth = 1;
        raw.MarkerSize = 0;
        var smooth = plot.Add.ScatterLine(x, result.Smoothed, PlotStyle.Color(0));
        smooth.LegendText = "smoothed loss";
        smooth.LineWidth = 2;
        smooth.MarkerSize = 0;
        int suggested = LearningRateFinder.SteepestIndex(result.Smoothed, result.Planned);
        var line = plot.Add.VerticalLine(x[suggested], 1, PlotStyle.Color(2));
        line.LegendText = $"suggested {PlotStyle.Format(result.Suggested)} (steepest descent)";
        plot.Add.Marker(x[suggested], result.Smoothed[suggested], ScottPlot.MarkerShape.FilledCircle, 9, PlotStyle.Color(2));
        // A log axis: the data are log₁₀(rate), the ticks read as rates.
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
            IntegerTicksOnly = true,
            LabelFormatter = exponent => $"1e{exponent:0}",
        };
        // The diverged tail would squash the useful part: the y axis stops a little above the start.
        double top = Math.Max(result.Smoothed[0], result.Smoothed.Min()) * 1.5;
        double bottom = Math.Min(result.Smoothed.Min(), result.Losses.Min());
        if (double.IsFinite(top) && double.IsFinite(bottom) && top > bottom) plot.Axes.SetLimitsY(bottom - 0.05 * (top - bottom), top);
        plot.ShowLegend(ScottPlot.Alignment.UpperLeft);
        return plot;
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
