using System.Globalization;
using System.Text;
using NetScript.Runtime.Comparison;

namespace NetScript.Hosting;

/// <summary>Compares trainings of run folders on one metric (see <see cref="RunComparer"/>).</summary>
public static class Comparisons
{
    /// <summary>The PNG goes to <paramref name="plotFile"/> when given, else into the one folder
    /// compared, else into the current directory.</summary>
    public static ComparisonResult Compare(IReadOnlyList<string> paths, string? metric, bool? higherIsBetter, string? plotFile)
    {
        try
        {
            string plotDirectory = paths.Count == 1 && Directory.Exists(paths[0]) ? paths[0] : Directory.GetCurrentDirectory();
            RunComparison comparison = RunComparer.Compare(paths, metric, higherIsBetter, plotDirectory, plotFile);
            return new ComparisonResult(Format(comparison), comparison.Plot, null);
        }
        catch (ComparisonException e)
        {
            return new ComparisonResult(null, null, e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new ComparisonResult(null, null, "the plot cannot be written: " + e.Message);
        }
    }

    /// <summary>One row per training: epochs run, final and best value (with its epoch), seconds.</summary>
    public static string Format(RunComparison comparison)
    {
        static string Number(double v) => double.IsNaN(v) ? "—" : v.ToString("0.0000", CultureInfo.InvariantCulture);
        string best = comparison.HigherIsBetter ? "best (max)" : "best (min)";
        var rows = comparison.Trainings.Select(t => new[]
        {
            t.Name,
            t.Epochs.Count.ToString(CultureInfo.InvariantCulture),
            Number(t.Final),
            double.IsNaN(t.Best) ? "—" : $"{Number(t.Best)} @ {t.BestEpoch}",
            double.IsNaN(t.Seconds) ? "—" : t.Seconds.ToString("0.0", CultureInfo.InvariantCulture),
        }).ToList();
        string[] header = ["training", "epochs", "final " + comparison.Metric, best, "seconds"];
        int[] widths = Enumerable.Range(0, header.Length).Select(c => rows.Select(r => r[c].Length).Append(header[c].Length).Max()).ToArray();
        var text = new StringBuilder();
        void Line(string[] cells) => text.AppendLine(string.Join("  ", cells.Select((cell, c) => c == 0 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]))).TrimEnd());
        Line(header);
        foreach (var row in rows) Line(row);
        return text.ToString();
    }
}
