using ScottPlot;

namespace NetScript.Runtime.Statistics.Plots;

/// <summary>The fit split of 2-D data before and after its preprocessing, side by side, points
/// coloured by class, both panels on equal axes with the origin marked: centring moves the
/// cloud onto the cross, standardizing makes both spreads 1, PCA turns the cloud onto the
/// axes and whitening makes it round.</summary>
internal static class PreprocessingPlot
{
    /// <summary>At most this many points per panel (an even subsample of larger splits).</summary>
    const int MaxPoints = 2000;

    public static string Write(string split, IReadOnlyList<string> steps, float[] before, float[] after, long[]? labels, int classes, string path)
    {
        var multiplot = new Multiplot();
        multiplot.AddPlots(2);
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Columns();
        Panel(multiplot.GetPlot(0), $"`{split}` as loaded", before, labels, classes);
        Panel(multiplot.GetPlot(1), $"after {string.Join(", ", steps)}", after, labels, classes);
        return PlotStyle.Save(multiplot, path, 1100, 540);
    }

    static void Panel(Plot plot, string title, float[] xy, long[]? labels, int classes)
    {
        PlotStyle.Apply(plot);
        plot.Title(title, 14);
        plot.XLabel("x₁", 12);
        plot.YLabel("x₂", 12);
        int rows = xy.Length / 2, step = Math.Max(1, rows / MaxPoints);
        int groups = labels is null ? 1 : Math.Max(1, classes);
        for (int c = 0; c < groups; c++)
        {
            var points = Enumerable.Range(0, rows).Where(i => i % step == 0 && (labels is null || labels[i] == c))
                .Select(i => new Coordinates(xy[2 * i], xy[2 * i + 1])).ToArray();
            if (points.Length == 0) continue;
            plot.Add.Markers(points, MarkerShape.FilledCircle, 4, PlotStyle.Color(c));
        }
        plot.Add.HorizontalLine(0, 1, Colors.Gray);
        plot.Add.VerticalLine(0, 1, Colors.Gray);
        // Equal scales on both axes, so a round cloud looks round and a rotation looks like one.
        double extent = Enumerable.Range(0, xy.Length).Select(i => Math.Abs((double)xy[i])).Where(double.IsFinite).DefaultIfEmpty(1).Max() * 1.05;
        plot.Axes.SetLimits(-extent, extent, -extent, extent);
    }
}
