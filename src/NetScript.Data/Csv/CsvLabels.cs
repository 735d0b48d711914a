using System.Globalization;

namespace NetScript.Data;

/// <summary>The label column of a scanned CSV file as a task: whole numbers 0, 1, 2, … are class
/// indices, text labels are class names (indices in sorted order), and with task=regression
/// every label is a finite real-valued target.</summary>
internal sealed record CsvLabels(DatasetTask Task, int Classes, long[]? ClassIndices, float[]? Targets, string[]? Names, string ClassesFrom)
{
    public static CsvLabels Of(CsvScan scan, CsvLoadOptions options)
    {
        if (scan.LabelNames.Length > 0)
            return new CsvLabels(DatasetTask.Regression, 0, null, scan.MultiLabels.ToArray(), null, "multi-label");
        List<string> cells = scan.Labels;
        string column = scan.LabelName!;
        if (options.Task == DatasetTask.Regression)
        {
            var targets = new float[cells.Count];
            for (int r = 0; r < cells.Count; r++)
                if (!float.TryParse(cells[r], NumberStyles.Float, CultureInfo.InvariantCulture, out targets[r]) || !float.IsFinite(targets[r]))
                    throw Bad(r, $"the target `{CsvScan.Excerpt(cells[r])}` is not a finite number");
            return new CsvLabels(DatasetTask.Regression, 0, null, targets, null, "regression");
        }
        bool numeric = cells.All(c => double.TryParse(c, NumberStyles.Float, CultureInfo.InvariantCulture, out _));
        if (!numeric)
        {
            string[] names = cells.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
            if (options.Classes is { } given && given != names.Length)
                throw new DataException($"the labels `{column}` of {scan.Name} hold {names.Length} distinct names, but classes={given}");
            var index = names.Select((n, k) => (n, k: (long)k)).ToDictionary(x => x.n, x => x.k, StringComparer.Ordinal);
            return new CsvLabels(DatasetTask.Classification, names.Length, cells.Select(c => index[c]).ToArray(), null, names, "the label names");
        }
        var classes = new long[cells.Count];
        for (int r = 0; r < cells.Count; r++)
        {
            double value = double.Parse(cells[r], NumberStyles.Float, CultureInfo.InvariantCulture);
            if (value < 0 || value != Math.Floor(value) || value >= int.MaxValue)
                throw Bad(r, $"the label `{CsvScan.Excerpt(cells[r])}` is not a class index (0, 1, 2, …); for real-valued targets add task=regression");
            classes[r] = (long)value;
        }
        int count = (int)classes.Max() + 1;
        if (options.Classes is { } n)
        {
            int over = Array.FindIndex(classes, c => c >= n);
            if (over >= 0) throw Bad(over, $"the label {classes[over]} is not below classes={n}");
            return new CsvLabels(DatasetTask.Classification, n, classes, null, null, "the `classes` argument");
        }
        return new CsvLabels(DatasetTask.Classification, count, classes, null, null, "the largest label");

        DataException Bad(int row, string problem) => scan.Cell(scan.LabelLines[row], scan.LabelColumn - 1, column, problem);
    }
}
