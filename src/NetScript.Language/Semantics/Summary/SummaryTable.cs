using System.Globalization;
using System.Text;

namespace NetScript.Language.Semantics;

/// <summary>Renders a <see cref="ModelSummary"/> as a plain-text table (like Keras's
/// <c>model.summary()</c>), for `netscript check --summary`.</summary>
public static class SummaryTable
{
    /// <summary>The table; <paramref name="definedAt"/> ("3", "1 of &lt;repl:6&gt;") names the
    /// model's line in the header when given.</summary>
    public static string Format(ModelSummary summary, string? definedAt = null)
    {
        var rows = new List<string[]> { new[] { "layer", "output shape", "trainable", "non-trainable" } };
        rows.Add(["input", summary.Input.ToString(), "", ""]);
        rows.AddRange(summary.Rows.Select(r => new[]
        {
            r.Name == "loss" ? $"loss ({r.Kind})" : r.Name,
            r.Output?.ToString() ?? "",
            Count(r.Trainable),
            Count(r.NonTrainable),
        }));
        int[] widths = Enumerable.Range(0, 4).Select(c => rows.Max(r => r[c].Length)).ToArray();
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"model `{summary.Model}`{(definedAt is null ? "" : $" (line {definedAt})")} on `{summary.Data}`\n");
        for (int i = 0; i < rows.Count; i++)
        {
            string[] r = rows[i];
            string line = $"  {r[0].PadRight(widths[0])}  {r[1].PadRight(widths[1])}  {r[2].PadLeft(widths[2])}  {r[3].PadLeft(widths[3])}";
            text.Append(line.TrimEnd()).Append('\n');
            if (i == 0) text.Append("  ").Append(new string('-', widths.Sum() + 6)).Append('\n');
        }
        text.Append(CultureInfo.InvariantCulture,
            $"  total {Count(summary.Total)} parameters ({Size(summary.Total)} as float32): {Count(summary.Trainable)} trainable, {Count(summary.NonTrainable)} non-trainable\n");
        return text.ToString();
    }

    static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    static string Size(long parameters)
    {
        double bytes = parameters * 4.0;
        string[] units = ["B", "KB", "MB", "GB"];
        int unit = 0;
        while (bytes >= 1024 && unit < units.Length - 1)
        {
            bytes /= 1024;
            unit++;
        }
        return unit == 0 ? $"{bytes:0} B" : string.Create(CultureInfo.InvariantCulture, $"{bytes:0.0} {units[unit]}");
    }
}
