using System.Globalization;
using System.Text;
using System.Text.Json;
using NetScript.Hosting.Interactive;
using NetScript.Hosting.Statistics;
using NetScript.Language.Semantics;

namespace NetScript.Repl.Commands;

/// <summary>The text of `:summary`, `:stats` and `:runs`.</summary>
public static class SessionReports
{
    static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Summary(SessionSymbols symbols)
    {
        if (symbols.Datasets.IsEmpty && symbols.Models.IsEmpty) return "nothing defined yet; try `:help`";
        var text = new StringBuilder();
        foreach (DatasetSymbol d in symbols.Datasets.Values.OrderBy(d => d.Name, StringComparer.Ordinal))
            text.Append(Dataset(d)).Append('\n');
        foreach (FoldsSymbol f in symbols.Folds.Values.OrderBy(f => f.Name, StringComparer.Ordinal))
            text.Append(Folds(f)).Append('\n');
        foreach (ModelSymbol m in symbols.Models.Values.OrderBy(m => m.Name, StringComparer.Ordinal))
            text.Append(ModelTable(m));
        return text.ToString().TrimEnd('\n');
    }

    /// <summary>What a defined name is, as typing the name alone shows it (like IPython
    /// echoing a variable); null when <paramref name="name"/> names no dataset, folds or model.</summary>
    public static string? Describe(SessionSymbols symbols, string name) =>
        symbols.Datasets.TryGetValue(name, out var d) ? Dataset(d)
        : symbols.Folds.TryGetValue(name, out var f) ? Folds(f)
        : symbols.Models.TryGetValue(name, out var m) ? ModelTable(m).TrimEnd('\n')
        : null;

    static string Dataset(DatasetSymbol d) =>
        $"dataset {d.Name}: " + (d.Info.Rows is { } rows ? rows.ToString("N0", Invariant) + " rows of " : "")
        + $"{d.Info.Features}, {d.Info.Classes} classes" + (d.Preprocessed ? ", preprocessed" : "") + $" (line {d.DefinedAt})";

    static string Folds(FoldsSymbol f) =>
        $"folds {f.Name}: {f.K} folds of {f.Source}" + (f.Stratify ? ", stratified" : "") + $" (line {f.DefinedAt})";

    /// <summary>A Keras-style table (the one `netscript check --summary` prints); shapes are
    /// known once the model met data.</summary>
    static string ModelTable(ModelSymbol model)
    {
        if (model.Summary is { } summary) return SummaryTable.Format(summary, model.DefinedAt);
        return $"model {model.Name} (line {model.DefinedAt}): {string.Join(" -> ", model.Definition.Layers)}\n"
            + "  (shapes and parameter counts appear after its first `train`)\n";
    }

    public static string Statistics(TrainingSnapshot? training)
    {
        if (training is null) return "no training yet in this session";
        var text = new StringBuilder($"{training.Model} on {training.Data}: {training.State.ToString().ToLowerInvariant()}, epoch {training.Epoch}/{training.Epochs}\n");
        text.Append(" epoch    loss     acc  val_loss  val_acc\n");
        foreach (EpochRecord e in training.History)
            text.Append(e.Epoch.ToString(Invariant).PadLeft(6)).Append(Metric(e.Train.Loss, 8)).Append(Metric(e.Train.Accuracy, 8))
                .Append(Metric(e.Validation?.Loss, 10)).Append(Metric(e.Validation?.Accuracy, 9)).Append('\n');
        if (training.Layers.IsEmpty)
            text.Append("per-layer statistics: none reported for this run");
        else
            text.Append(LayerTable.Format(training.Layers, LayerTable.Compact));
        return text.ToString().TrimEnd('\n');
    }

    public static string Runs(string? runsDirectory)
    {
        if (runsDirectory is null || !Directory.Exists(runsDirectory)) return $"no run folders in {runsDirectory ?? "(none configured)"}";
        var folders = Directory.GetDirectories(runsDirectory).Order(StringComparer.Ordinal).ToList();
        if (folders.Count == 0) return $"no run folders in {runsDirectory}";
        var text = new StringBuilder();
        foreach (string folder in folders.TakeLast(20))
            text.Append(Path.GetFileName(folder)).Append(Results(Path.Combine(folder, "summary.json"))).Append('\n');
        if (folders.Count > 20) text.Append($"({folders.Count - 20} older runs not shown)\n");
        return text.ToString().TrimEnd('\n');
    }

    static string Results(string summaryPath)
    {
        if (!File.Exists(summaryPath)) return "  (no results)";
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllText(summaryPath));
            var parts = new List<string>();
            foreach (JsonProperty model in json.RootElement.GetProperty("Training").EnumerateObject())
            {
                double train = model.Value.GetProperty("Train").GetProperty("Accuracy").GetDouble();
                string val = model.Value.TryGetProperty("Validation", out var v) && v.ValueKind == JsonValueKind.Object
                    ? ", val_acc " + v.GetProperty("Accuracy").GetDouble().ToString("0.0000", Invariant) : "";
                parts.Add($"{model.Name}: acc {train.ToString("0.0000", Invariant)}{val}");
            }
            return parts.Count == 0 ? "  (no training)" : "  " + string.Join("; ", parts);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or IOException)
        {
            return "  (unreadable summary.json)";
        }
    }

    /// <summary>A loss or accuracy in the epoch table: four decimals, right-aligned.</summary>
    static string Metric(double? value, int width) =>
        (value is { } v ? v.ToString("0.0000", Invariant) : "-").PadLeft(width);
}
