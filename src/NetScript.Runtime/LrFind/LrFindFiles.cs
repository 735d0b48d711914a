using NetScript.Data;
using NetScript.Language.Lowering;
using NetScript.Runtime.Recording;
using NetScript.Runtime.Statistics.Plots;
using static NetScript.Data.ResultsColumnType;

namespace NetScript.Runtime.LrFind;

/// <summary>RUN/lr_find.parquet (step, lr, loss, smoothed, and lr_pretrained when a transferred
/// model's pretrained layers moved at lr_mult × lr), RUN/lr_find.json (every rule's suggestion,
/// the chosen one, where the loss diverged, the optimizer's parameter groups) and RUN/lr_find.png
/// (raw and smoothed loss against the rate on a log axis, the suggestions marked); a second range
/// test in the same run writes lr_find-2.*, and so on.</summary>
internal static class LrFindFiles
{
    static readonly LrSuggestion[] Rules = Enum.GetValues<LrSuggestion>();

    /// <summary>The rule's name as `suggest=` spells it.</summary>
    internal static string Name(LrSuggestion rule) => rule.ToString().ToLowerInvariant();

    /// <summary>Writes the three files and returns the plot's path.</summary>
    public static string Write(RunFolder run, string model, string data, LrFindResult result)
    {
        string stem = Stem(run.Path);
        // The pretrained layers' rate when it differs from the tested one (lr_mult ≠ 1), as the optimizer held it.
        double[]? pretrained = result.Groups.FirstOrDefault(g => g.Factor != 1)?.Rates;
        var columns = new List<ResultsColumn> { new("step", Integer), new("lr", Real), new("loss", Real), new("smoothed", Real) };
        if (pretrained is not null) columns.Add(new("lr_pretrained", Real));
        var records = new RecordTable(Path.Combine(run.Path, stem + ".parquet"), [.. columns]);
        for (int i = 0; i < result.Rates.Length; i++)
        {
            if (pretrained is null) records.Add((long)i, result.Rates[i], result.Losses[i], result.Smoothed[i]);
            else records.Add((long)i, result.Rates[i], result.Losses[i], result.Smoothed[i], pretrained[i]);
        }
        records.Commit();
        run.WriteJson(stem + ".json", new
        {
            model,
            data,
            suggested_lr = result.Suggested,
            suggested_by = Name(result.Rule),
            suggestions = Rules.ToDictionary(Name, result.Suggestion),
            lowest_loss_lr = result.Minimum,
            diverged_at = result.DivergedAt,
            tried = result.Rates.Length,
            planned = result.Planned,
            parameter_groups = result.Groups.Select(g => new { layers = g.Layers, rate_factor = g.Factor }),
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
        var line = plot.Add.VerticalLine(Math.Log10(result.Suggested), 1, PlotStyle.Color(2));
        line.LegendText = $"suggested {PlotStyle.Format(result.Suggested)} ({Name(result.Rule)})";
        // Each rule's point on the smoothed curve (the minimum rule's: the lowest loss, a decade above its suggestion).
        foreach (var (rule, shape, color) in new[] { (LrSuggestion.Valley, ScottPlot.MarkerShape.FilledCircle, 2), (LrSuggestion.Steepest, ScottPlot.MarkerShape.FilledSquare, 3), (LrSuggestion.Minimum, ScottPlot.MarkerShape.FilledDiamond, 4) })
        {
            int i = LearningRateFinder.RuleIndex(rule, result.Smoothed, result.Planned);
            var marker = plot.Add.Marker(x[i], result.Smoothed[i], shape, 9, PlotStyle.Color(color));
            marker.LegendText = rule == LrSuggestion.Minimum ? $"minimum (suggests {PlotStyle.Format(result.Suggestion(rule))})" : $"{Name(rule)} {PlotStyle.Format(result.Suggestion(rule))}";
        }
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
