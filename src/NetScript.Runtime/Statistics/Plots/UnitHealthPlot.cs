using NetScript.Runtime.Events;

namespace NetScript.Runtime.Statistics.Plots;

/// <summary>Per-layer series over the run from the sampled statistics: dead-unit fraction of
/// rectifiers, saturated fraction of tanh/sigmoid, and the update/weight ratio of layers with
/// parameters on a log axis with a 1e-3 reference line.</summary>
internal static class UnitHealthPlot
{
    public static string? DeadUnits(string model, IReadOnlyList<StatisticsSampled> timeline, string path) =>
        Series($"{model}: dead units (inactive on {new StatisticsOptions(1).DeadWindow} sampled batches in a row)",
            "fraction of units", timeline, l => l.DeadFraction, path, log: false);

    public static string? Saturation(string model, IReadOnlyList<StatisticsSampled> timeline, string path) =>
        Series($"{model}: saturated outputs (|a| > 0.9)", "fraction of outputs", timeline, l => l.SaturatedFraction, path, log: false);

    public static string? UpdateRatios(string model, IReadOnlyList<StatisticsSampled> timeline, string path) =>
        Series($"{model}: update / weight ratio (rule of thumb ≈ 1e-3)", "log10(‖Δθ‖ / ‖θ‖)", timeline, l => l.UpdateRatio, path, log: true);

    static string? Series(string title, string quantity, IReadOnlyList<StatisticsSampled> timeline, Func<LayerSample, double?> value, string path, bool log)
    {
        var layers = timeline.SelectMany(s => s.Layers).Where(l => value(l) is not null).Select(l => l.Layer).Distinct().ToList();
        if (layers.Count == 0) return null;
        var plot = PlotStyle.New(title, "step", quantity);
        for (int i = 0; i < layers.Count; i++)
        {
            var points = timeline
                .Select(s => (s.GlobalStep, Value: s.Layers.FirstOrDefault(l => l.Layer == layers[i]) is { } l ? value(l) : null))
                .Where(p => p.Value is { } v && double.IsFinite(v) && (!log || v > 0))
                .ToList();
            if (points.Count == 0) continue;
            var line = plot.Add.ScatterLine(points.Select(p => (double)p.GlobalStep).ToArray(),
                points.Select(p => log ? Math.Log10(p.Value!.Value) : p.Value!.Value).ToArray(), PlotStyle.Color(i));
            line.LegendText = layers[i];
            line.LineWidth = 2;
        }
        if (log) plot.Add.HorizontalLine(-3, 1.5f, ScottPlot.Colors.Gray, ScottPlot.LinePattern.Dashed);
        else plot.Axes.SetLimitsY(-0.02, 1.02);
        plot.ShowLegend(ScottPlot.Edge.Bottom);
        return PlotStyle.Save(plot, path);
    }
}
