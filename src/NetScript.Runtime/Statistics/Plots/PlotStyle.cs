using ScottPlot;

namespace NetScript.Runtime.Statistics.Plots;

/// <summary>Shared look of the run folder's plots: one sans-serif font (DejaVu ships with
/// Debian's fonts-dejavu-core), the Category10 palette, and sizes that read well at 100%.</summary>
internal static class PlotStyle
{
    public const int Width = 900, Height = 560;

    static readonly ScottPlot.Palettes.Category10 Palette = new();

    public static Color Color(int index) => Palette.GetColor(index);

    public static Plot New(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        Apply(plot);
        plot.Title(title, 16);
        plot.XLabel(xLabel, 13);
        plot.YLabel(yLabel, 13);
        return plot;
    }

    public static void Apply(Plot plot) => plot.Font.Set("DejaVu Sans");

    /// <summary>Writes the PNG and returns its path.</summary>
    public static string Save(Plot plot, string path, int width = Width, int height = Height)
    {
        plot.SavePng(path, width, height);
        return path;
    }

    public static string Save(Multiplot plots, string path, int width, int height)
    {
        plots.SavePng(path, width, height);
        return path;
    }

    public static string Format(double value) =>
        double.IsNaN(value) ? "NaN" : Math.Abs(value) is >= 1e-3 and < 1e4 or 0 ? value.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture)
            : value.ToString("0.0e0", System.Globalization.CultureInfo.InvariantCulture);
}
