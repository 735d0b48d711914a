using NetScript.Runtime.Statistics.Plots;

namespace NetScript.Runtime.Comparison;

/// <summary>The compared metric per epoch, one line per training, in one PNG.</summary>
internal static class ComparisonPlot
{
    public static string Write(string metric, IReadOnlyList<ComparedTraining> trainings, string path)
    {
        var plot = PlotStyle.New(metric + " per epoch", "epoch", metric);
        for (int i = 0; i < trainings.Count; i++)
        {
            var t = trainings[i];
            // Epochs that did not record the metric (NaN) leave a gap instead of a wrong point.
            var points = t.Epochs.Zip(t.Curve).Where(p => double.IsFinite(p.Second)).ToArray();
            if (points.Length == 0) continue;
            var line = plot.Add.ScatterLine(points.Select(p => (double)p.First).ToArray(), points.Select(p => p.Second).ToArray(), PlotStyle.Color(i));
            line.LegendText = t.Name;
            line.LineWidth = 2;
            line.MarkerSize = points.Length > 40 ? 0 : 4;
        }
        bool rising = metric.EndsWith("accuracy", StringComparison.Ordinal) || metric.EndsWith("top_k", StringComparison.Ordinal);
        plot.ShowLegend(rising ? ScottPlot.Alignment.LowerRight : ScottPlot.Alignment.UpperRight);
        string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null) Directory.CreateDirectory(directory);
        return PlotStyle.Save(plot, path);
    }
}
