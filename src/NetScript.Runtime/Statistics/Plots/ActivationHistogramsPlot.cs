using NetScript.Runtime.Events;
using ScottPlot;

namespace NetScript.Runtime.Statistics.Plots;

/// <summary>The initialisation figure: one histogram panel per layer of one sample,
/// titled with the layer's mean and std. Only the activation layers (tanh, ReLU, …) are
/// drawn when the model has any — their outputs are what is plotted — else every layer.
/// Panels of bounded units share the unit's axis, so collapse to 0 and saturation at ±1 are
/// seen at a glance.</summary>
internal static class ActivationHistogramsPlot
{
    const int PanelWidth = 300, PanelHeight = 300, MaxColumns = 6;

    public static string? Write(string model, StatisticsSampled sample, string label, string path)
    {
        var layers = ActivationLayers(sample.Layers).Where(l => double.IsFinite(l.Histogram.Lower)).ToList();
        if (layers.Count == 0) return null;
        int columns = Math.Min(MaxColumns, layers.Count);
        int rows = (layers.Count + columns - 1) / columns;
        var multiplot = new Multiplot();
        multiplot.AddPlots(layers.Count);
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Grid(rows, columns);
        for (int i = 0; i < layers.Count; i++)
            Panel(multiplot.GetPlot(i), layers[i], i == 0 ? $"{model}, {label}" : null);
        return PlotStyle.Save(multiplot, path, columns * PanelWidth, rows * PanelHeight + 30);
    }

    public static IEnumerable<LayerSample> ActivationLayers(IReadOnlyList<LayerSample> layers)
    {
        var activations = layers.Where(l => l.ZeroFraction is not null || l.SaturatedFraction is not null || IsActivation(l.Kind)).ToList();
        return activations.Count > 0 ? activations : layers;
    }

    // Activation modules without zero/saturation statistics (leaky ReLU, GELU, …) still belong in the figure.
    static bool IsActivation(string kind) => kind is "LeakyReLU" or "PReLU" or "ELU" or "SELU" or "GELU" or "Softplus" or "SiLU" or "Mish";

    static void Panel(Plot plot, LayerSample layer, string? header)
    {
        PlotStyle.Apply(plot);
        ActivationHistogram h = layer.Histogram;
        double total = Math.Max(1, h.Total);
        double width = h.BinWidth > 0 ? h.BinWidth : 1;
        var bars = new List<Bar>();
        for (int bin = 0; bin < h.Counts.Count; bin++)
        {
            if (h.Counts[bin] == 0) continue;
            bars.Add(new Bar
            {
                Position = h.BinWidth > 0 ? h.Edge(bin) + width / 2 : h.Lower,
                Value = h.Counts[bin] / total,
                Size = width * 0.95,
                FillColor = PlotStyle.Color(0),
                LineWidth = 0,
            });
        }
        plot.Add.Bars(bars);
        string title = $"{layer.Layer}  mean {PlotStyle.Format(layer.Mean)}  std {PlotStyle.Format(layer.Std)}";
        plot.Title(header is null ? title : header + "\n" + title, 11);
        // Fixed limits (not autoscaled to the bars): a collapsed layer must look narrow on
        // the unit's whole axis.
        double tallest = bars.Count == 0 ? 1 : bars.Max(b => b.Value);
        plot.Axes.SetLimits(h.Lower - width / 2, h.Upper + width / 2, 0, tallest * 1.08);
        plot.XLabel("activation", 11);
        plot.YLabel("fraction of outputs", 11);
    }
}
