using NetScript.Runtime.Events;
using ScottPlot;

namespace NetScript.Runtime.Statistics.Plots;

/// <summary>Activation mean and std against depth, at initialisation and at the end: the
/// classic "std shrinks to 0 layer by layer" (or not) as two lines.</summary>
internal static class DepthProfilePlot
{
    public static string? Write(string model, StatisticsSampled first, StatisticsSampled last, string path)
    {
        // Depth needs several points: the activation layers when there are two or more, else all.
        var activations = ActivationHistogramsPlot.ActivationLayers(first.Layers).ToList();
        var layers = (activations.Count >= 2 ? activations : first.Layers).Select(l => l.Layer).ToList();
        if (layers.Count == 0) return null;
        var multiplot = new Multiplot();
        multiplot.AddPlots(2);
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Columns();
        Panel(multiplot.GetPlot(0), $"{model}: activation mean by layer", "mean", layers, first, last, l => l.Mean);
        Panel(multiplot.GetPlot(1), $"{model}: activation std by layer", "std", layers, first, last, l => l.Std);
        return PlotStyle.Save(multiplot, path, 1100, 480);
    }

    static void Panel(Plot plot, string title, string quantity, List<string> layers, StatisticsSampled first, StatisticsSampled last, Func<LayerSample, double> value)
    {
        PlotStyle.Apply(plot);
        plot.Title(title, 14);
        plot.XLabel("layer", 12);
        plot.YLabel(quantity, 12);
        double[] x = Enumerable.Range(1, layers.Count).Select(i => (double)i).ToArray();
        int series = 0;
        foreach (var (sample, label) in new[] { (first, $"step {first.GlobalStep} (init)"), (last, $"step {last.GlobalStep} (last sample)") })
        {
            if (series == 1 && ReferenceEquals(first, last)) break;
            var byName = sample.Layers.ToDictionary(l => l.Layer);
            double[] y = layers.Select(name => byName.TryGetValue(name, out var l) ? value(l) : double.NaN).ToArray();
            var line = plot.Add.Scatter(x, y, PlotStyle.Color(series++));
            line.LegendText = label;
            line.LineWidth = 2;
            line.MarkerSize = 8;
        }
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(x, layers.ToArray());
        plot.ShowLegend(Edge.Bottom);
    }
}
