using NetScript.Data;
using NetScript.Language.Diagnostics;
using NetScript.Runtime.Events;

namespace NetScript.Runtime.Training;

/// <summary>A metric that is NaN or infinite is not a result: it stops the run with NS0742
/// instead of being printed. Accuracy is NaN by definition for losses that make no class
/// decisions (regression), which is not an error. An empty dataset stops it with NS0741.</summary>
internal static class FiniteMetrics
{
    public static void Ensure(Metrics metrics, bool decides, string model, string where)
    {
        var named = new List<(string Name, double Value)> { ("loss", metrics.Loss) };
        if (decides) named.Add(("accuracy", metrics.Accuracy));
        if (metrics.TopK is { } topK) named.Add(("top-k accuracy", topK));
        if (metrics.Custom is { } custom) named.AddRange(custom.Select(c => ($"metric `{c.Key}`", c.Value)));
        foreach (var (name, value) in named)
        {
            if (double.IsFinite(value)) continue;
            string shown = double.IsNaN(value) ? "NaN" : value > 0 ? "+Inf" : "-Inf";
            throw new RuntimeFailure($"{name} of `{model}` {where} is {shown}", DiagnosticCatalog.NonFiniteMetric, [name, model, where, shown]);
        }
    }

    public static void EnsureRows(TensorDataset data, string name, string use)
    {
        if (data.Count == 0) throw new RuntimeFailure($"`{name}` has no rows", DiagnosticCatalog.NoRows, [name, use]);
    }
}
