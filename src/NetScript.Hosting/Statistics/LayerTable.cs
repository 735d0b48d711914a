using System.Globalization;
using System.Text;

namespace NetScript.Hosting.Statistics;

/// <summary>The one formatter of per-layer statistics: fixed-width text for `netscript stats`
/// and `:stats`, and the same cells for the REPL's live table. Percentages for fractions,
/// three significant digits elsewhere, "-" where a layer has no such quantity.</summary>
public static class LayerTable
{
    /// <summary>Every column, in display order.</summary>
    public static readonly string[] Columns = ["layer", "kind", "mean", "std", "min", "max", "zero%", "dead%", "sat%", "|w|", "|grad|", "upd/w"];

    /// <summary>The columns `:stats` and the REPL's pane start from.</summary>
    public static readonly string[] Compact = ["layer", "mean", "std", "dead%", "|grad|", "upd/w"];

    public static string Cell(LayerRow row, string column) => column switch
    {
        "layer" => row.Layer,
        "kind" => row.Kind,
        "mean" => Number(row.Mean),
        "std" => Number(row.Std),
        "min" => Number(row.Min),
        "max" => Number(row.Max),
        "zero%" => Percent(row.ZeroFraction),
        "dead%" => Percent(row.DeadFraction),
        "sat%" => Percent(row.SaturatedFraction),
        "|w|" => Number(row.WeightNorm),
        "|grad|" => Number(row.GradientNorm),
        "upd/w" => Number(row.UpdateRatio),
        _ => throw new ArgumentOutOfRangeException(nameof(column), column, "not a layer column"),
    };

    /// <summary>A text table of <paramref name="columns"/> (all by default): names left-aligned,
    /// numbers right-aligned, two spaces between columns.</summary>
    public static string Format(IReadOnlyList<LayerRow> layers, IReadOnlyList<string>? columns = null)
    {
        columns ??= Columns;
        var rows = new List<string[]> { columns.ToArray() };
        rows.AddRange(layers.Select(l => columns.Select(c => Cell(l, c)).ToArray()));
        int[] widths = Enumerable.Range(0, columns.Count).Select(c => rows.Max(r => r[c].Length)).ToArray();
        var text = new StringBuilder();
        foreach (string[] row in rows)
        {
            for (int c = 0; c < row.Length; c++)
            {
                bool name = columns[c] is "layer" or "kind";
                text.Append(c == 0 ? "" : "  ").Append(name ? row[c].PadRight(widths[c]) : row[c].PadLeft(widths[c]));
            }
            text.Append('\n');
        }
        return text.ToString();
    }

    static string Number(double? value) => value switch
    {
        null => "-",
        double v when double.IsNaN(v) => "NaN",
        double v when double.IsInfinity(v) => v > 0 ? "inf" : "-inf",
        0 => "0",
        double v when Math.Abs(v) is >= 1e-3 and < 1e5 => v.ToString("G3", CultureInfo.InvariantCulture),
        double v => v.ToString("0.00e0", CultureInfo.InvariantCulture),
    };

    static string Percent(double? fraction) => fraction is { } f ? (100 * f).ToString("0.0", CultureInfo.InvariantCulture) : "-";
}
