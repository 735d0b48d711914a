using NetScript.Data.Tables;

namespace NetScript.Runtime.Comparison;

/// <summary>Reads the <c>epochs.parquet</c> of several trainings — run folders (every training
/// inside) or training folders — and lines them up on one metric: a table of final and best
/// values and one PNG with the curves overlaid.</summary>
public static class RunComparer
{
    const string EpochsFile = "epochs.parquet";

    /// <summary>Short names users type, as early_stop spells them, mapped to the table's columns.</summary>
    static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["acc"] = "accuracy",
        ["train_acc"] = "accuracy",
        ["train_loss"] = "loss",
        ["val_acc"] = "val_accuracy",
        ["val_topk"] = "val_top_k",
    };

    /// <summary>Compares the trainings under <paramref name="paths"/> on <paramref name="metric"/>
    /// (default: validation accuracy where every training has it, else training accuracy, else
    /// loss). <paramref name="higherIsBetter"/> defaults to true for accuracies and top-k and
    /// false otherwise. The PNG goes to <paramref name="plotFile"/>, else to
    /// <c>compare-METRIC.png</c> in <paramref name="plotDirectory"/>; with neither there is no PNG.</summary>
    public static RunComparison Compare(IReadOnlyList<string> paths, string? metric = null, bool? higherIsBetter = null,
        string? plotDirectory = null, string? plotFile = null)
    {
        if (paths.Count == 0) throw new ComparisonException("name at least one run folder");
        var folders = paths.SelectMany(TrainingFolders).Distinct().ToList();
        var tables = folders.Select(f => (Folder: f, Table: Read(f))).ToList();

        string column = metric is null ? DefaultMetric(tables.Select(t => t.Table)) : Aliases.GetValueOrDefault(metric, metric);
        var missing = tables.Where(t => !t.Table.Has(column)).Select(t => t.Folder).ToList();
        if (missing.Count > 0)
        {
            var known = tables.SelectMany(t => t.Table.Names).Distinct().Where(n => n != "epoch");
            throw new ComparisonException($"`{column}` is not recorded in {missing[0]}; the trainings recorded {string.Join(", ", known.Select(n => $"`{n}`"))}");
        }
        bool higher = higherIsBetter ?? (column.EndsWith("accuracy", StringComparison.Ordinal) || column.EndsWith("top_k", StringComparison.Ordinal));

        var names = DisplayNames(folders);
        var trainings = tables.Select((t, i) => Summarise(names[i], t.Folder, t.Table, column, higher)).ToList();
        string? plotPath = plotFile ?? (plotDirectory is null ? null : Path.Combine(plotDirectory, $"compare-{column}.png"));
        string? plot = plotPath is null ? null : ComparisonPlot.Write(column, trainings, plotPath);
        return new RunComparison(column, higher, trainings, plot);
    }

    /// <summary>A training folder has its own epochs table; a run folder has trainings one level down.</summary>
    static IEnumerable<string> TrainingFolders(string path)
    {
        string full = Path.GetFullPath(path);
        if (File.Exists(full)) throw new ComparisonException($"{path} is a file; name a run folder or a training folder inside one");
        if (!Directory.Exists(full)) throw new ComparisonException($"{path}: no such folder");
        if (File.Exists(Path.Combine(full, EpochsFile))) return [full];
        var inside = Directory.EnumerateDirectories(full)
            .Where(d => File.Exists(Path.Combine(d, EpochsFile)))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (inside.Count == 0) throw new ComparisonException($"{path} holds no training (no {EpochsFile} in it or in its folders)");
        return inside;
    }

    static ColumnTable Read(string folder)
    {
        try
        {
            return ColumnTable.ReadParquet(Path.Combine(folder, EpochsFile));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or Parquet.ParquetException)
        {
            throw new ComparisonException($"{Path.Combine(folder, EpochsFile)} cannot be read: {e.Message.Split('\n')[0]}");
        }
    }

    static string DefaultMetric(IEnumerable<ColumnTable> tables)
    {
        var list = tables.ToList();
        bool AllHave(string column) => list.All(t => t.Has(column) && t.Doubles(column).Any(double.IsFinite));
        return AllHave("val_accuracy") ? "val_accuracy" : AllHave("accuracy") ? "accuracy" : "loss";
    }

    static ComparedTraining Summarise(string name, string folder, ColumnTable table, string column, bool higher)
    {
        double[] epochs = table.Has("epoch") ? table.Doubles("epoch") : Enumerable.Range(1, table.Rows).Select(e => (double)e).ToArray();
        double[] curve = table.Doubles(column);
        double seconds = table.Has("seconds") ? table.Doubles("seconds").Where(double.IsFinite).Sum() : double.NaN;
        int best = -1;
        for (int i = 0; i < curve.Length; i++)
            if (double.IsFinite(curve[i]) && (best < 0 || (higher ? curve[i] > curve[best] : curve[i] < curve[best])))
                best = i;
        double final = curve.LastOrDefault(double.IsFinite, double.NaN);
        return new ComparedTraining(name, folder, epochs.Select(e => (long)e).ToList(), curve,
            final, best < 0 ? double.NaN : curve[best], best < 0 ? 0 : (long)epochs[best], seconds);
    }

    /// <summary>Each folder named by its path below the folders' common parent, so two runs'
    /// `mlp` trainings read `run-a/mlp` and `run-b/mlp`, and one run's read `mlp`, `cnn`.</summary>
    static List<string> DisplayNames(IReadOnlyList<string> folders)
    {
        if (folders.Count == 1) return [Path.GetFileName(folders[0])];
        string[][] parts = folders.Select(f => f.Split(Path.DirectorySeparatorChar)).ToArray();
        int common = 0;
        while (parts.All(p => p.Length > common + 1) && parts.All(p => p[common] == parts[0][common])) common++;
        return parts.Select(p => string.Join('/', p.Skip(common))).ToList();
    }
}
