using System.Globalization;
using System.Text;

namespace NetScript.Runtime.Statistics.Reporting;

/// <summary>Formats per-layer statistics as a fixed-width text table (the CLI's
/// <c>netscript stats</c>; usable by any text host). Percentages for fractions, three
/// significant digits elsewhere, "-" where a layer has no such quantity.</summary>
public static class LayerTable
{
    static readonly string[] Headers = ["layer", "kind", "mean", "std", "min", "max", "zero%", "dead%", "sat%", "|w|", "|grad|", "update/w"];

    public static string Format(IReadOnlyList<LayerSummary> layers)
    {
        var rows = new List<string[]> { Headers };
        rows.AddRange(layers.Select(l => new[]
        {
            l.Layer, l.Kind, N(l.Mean), N(l.Std), N(l.Min), N(l.Max), P(l.ZeroFraction), P(l.DeadFraction), P(l.SaturatedFraction),
            N(l.WeightNorm), N(l.GradientNorm), N(l.UpdateRatio),
        }));
        int[] widths = Enumerable.Range(0, Headers.Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        var text = new StringBuilder();
        foreach (string[] row in rows)
        {
            for (int c = 0; c < row.Length; c++)
            {
                // Names left-aligned, numbers right-aligned, two spaces between columns.
                string cell = c < 2 ? row[c].PadRight(widths[c]) : row[c].PadLeft(widths[c]);
                text.Append(c == 0 ? "" : "  ").Append(cell);
            }
            text.Append('\n');
        }
        return text.ToString();
    }

    static string N(double? value) => value switch
    {
        null => "-",
        double v when double.IsNaN(v) => "NaN",
        double v when double.IsInfinity(v) => v > 0 ? "inf" : "-inf",
        0 => "0",
        double v when Math.Abs(v) is >= 1e-3 and < 1e5 => v.ToString("G3", CultureInfo.InvariantCulture),
        double v => v.ToString("0.00e0", CultureInfo.InvariantCulture),
    };

    static string P(double? fraction) => fraction is { } f ? (100 * f).ToString("0.0", CultureInfo.InvariantCulture) : "-";
}
