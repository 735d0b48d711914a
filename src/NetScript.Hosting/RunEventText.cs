using System.Globalization;
using NetScript.Runtime.Events;

namespace NetScript.Hosting;

/// <summary>One-line descriptions of run events, shared by the CLI's printer and the REPL's
/// output pane so both speak the same way.</summary>
public static class RunEventText
{
    static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The line for an event worth logging; null for high-rate events (progress)
    /// and those a host shows in its own way.</summary>
    public static string? Describe(RunEvent e) => e switch
    {
        DatasetReady d => $"data  {d.Name}: {d.Rows:N0} rows of {d.Shape}, {d.Classes} classes",
        PreprocessingFitted p => $"preprocess  {string.Join(", ", p.Operations)} fitted on {p.FitOn}, applied to {string.Join(", ", p.AppliedTo)}",
        TrainingStarted t => $"train {t.Model} on {t.Data}: {t.Epochs} epochs × {t.StepsPerEpoch} steps, {t.Parameters:N0} parameters, {t.Optimizer}",
        EpochCompleted c => Epoch(c),
        TrainingCompleted t => $"trained {t.Model} in {t.Elapsed.TotalSeconds.ToString("0.0", Invariant)} s",
        // "test loss 0.21, test accuracy 0.9312": each figure is named after the data it was measured on.
        EvaluationCompleted ev => $"evaluate {ev.Model} on {ev.Data}: {ev.Data} loss {F(ev.Metrics.Loss)}" + Accuracy(ev.Metrics.Accuracy, $", {ev.Data} accuracy ")
            + Custom(ev.Metrics, $", {ev.Data} ", " ") + $" ({ev.Samples:N0} samples)",
        _ => null,
    };

    public static string Epoch(EpochCompleted c) =>
        $"  epoch {c.Epoch.ToString(Invariant).PadLeft(c.Epochs.ToString(Invariant).Length)}/{c.Epochs}  "
        + $"loss {F(c.Train.Loss)}" + Accuracy(c.Train.Accuracy, "  acc ")
        + (c.Validation is { } v ? $"  val_loss {F(v.Loss)}" + Accuracy(v.Accuracy, "  val_acc ") + Custom(v, "  val_", " ") : "")
        + $"  {c.SamplesPerSecond:N0} samples/s";

    /// <summary>Nothing for a regression, which makes no class decisions (accuracy NaN).</summary>
    static string Accuracy(double accuracy, string label) => double.IsNaN(accuracy) ? "" : label + F(accuracy);

    /// <summary>C# metrics, each as <paramref name="before"/> NAME <paramref name="between"/> value.</summary>
    static string Custom(Metrics metrics, string before, string between) =>
        string.Concat((metrics.Custom ?? new Dictionary<string, double>()).Select(m => before + m.Key + between + F(m.Value)));

    /// <summary>About ten epoch lines per run: the first, the last and every tenth.</summary>
    public static bool IsMilestone(EpochCompleted c) =>
        c.Epoch == 1 || c.Epoch == c.Epochs || c.Epoch % Math.Max(1, c.Epochs / 10) == 0;

    public static string Progress(TrainingProgress p) =>
        $"  epoch {p.Epoch}/{p.Epochs}  step {p.Step}/{p.StepsPerEpoch}  loss {F(p.Loss)}  {p.SamplesPerSecond:N0} samples/s  ETA {Duration(p.Remaining)}";

    public static string Duration(TimeSpan span) =>
        span.TotalHours >= 1 ? span.ToString(@"h\:mm\:ss", Invariant) : span.ToString(@"m\:ss", Invariant);

    public static string F(double value) => value.ToString("0.0000", Invariant);
}
