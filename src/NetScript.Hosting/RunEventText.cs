using System.Globalization;
using NetScript.Language.Lowering;
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
        TrainingResumed r => $"resumed {r.Model} from epoch {r.Epoch}, step {r.Step} of {r.Run}",
        EpochCompleted c => Epoch(c),
        TrainingCompleted t => $"trained {t.Model} in {t.Elapsed.TotalSeconds.ToString("0.0", Invariant)} s"
            + (t.Averaged is { } averaged ? $"; {t.Model} is now {averaged}" + (t.Validation is { } v ? $": val_loss {Figure(v.Loss)}" + Accuracy(v.Accuracy, "  val_acc ") : "") : ""),
        // "test loss 0.21, test accuracy 0.9312": each figure is named after the data it was measured on.
        FoldsReady f => $"kfold {f.Name}: {f.K} folds of {f.Source} ({f.Rows:N0} rows, {Range(f.Smallest, f.Largest)} held out by each{(f.Stratified ? ", stratified" : "")})",
        FoldCompleted f => Fold(f),
        CrossValidationCompleted cv => $"cross-validated {cv.Model} on {cv.Folds} ({cv.Results.Count} folds): "
            + $"val_loss {Spread(cv.ValidationLoss)}" + (double.IsNaN(cv.ValidationAccuracy.Mean) ? "" : $", val_acc {Spread(cv.ValidationAccuracy)}")
            + " (mean ± sample std)",
        EvaluationCompleted ev => $"evaluate {ev.Model} on {ev.Data}: {ev.Data} loss {Figure(ev.Metrics.Loss)}" + Accuracy(ev.Metrics.Accuracy, $", {ev.Data} accuracy ")
            + TopK(ev.Metrics, ev.TopK, $", {ev.Data} top-{ev.TopK} accuracy ") + Custom(ev.Metrics, $", {ev.Data} ", " ") + $" ({ev.Samples:N0} samples)",
        EnsembleEvaluated en => $"evaluate {en.Model} on {en.Data}: members' {en.Data} accuracy "
            + string.Join(", ", en.Members.Select(m => $"{Figure(m.Accuracy)} ({m.Member})"))
            + $"; mean {Figure(en.MeanAccuracy)}; ensemble ({en.Average}) {Figure(en.Accuracy)} ({en.Samples:N0} samples)",
        EarlyStopped s => $"stopped {s.Model} early at epoch {s.Epoch}: {s.Metric} last improved at epoch {s.BestEpoch} ({Figure(s.Best)})"
            + (s.Restored && s.BestEpoch != s.Epoch ? $"; restored epoch {s.BestEpoch}'s weights" : s.Restored ? "" : $"; kept epoch {s.Epoch}'s weights"),
        LearningRateReduced r => $"  reduce_on_plateau: {r.Metric} has not improved for {r.Patience} epoch{(r.Patience == 1 ? "" : "s")}; learning rate {r.From.ToString("G3", Invariant)} → {r.To.ToString("G3", Invariant)} from epoch {r.Epoch + 1}",
        Exported x => $"export {x.Name} to {x.Path} ({x.What}, {x.Bytes:N0} bytes)",
        ModelLoaded m => $"load model {m.Name} from {m.Path}: {m.Parameters:N0} parameters, samples {m.Input}" + (m.Classes > 0 ? $", {m.Classes} classes" : ""),
        LrFindCompleted f => $"lr_find {f.Model} on {f.Data}: suggested lr {Rate(f.Suggested)} ({RuleText(f.Rule)}; not applied), "
            + (f.PretrainedFactor is { } factor ? $"pretrained layers at lr × {factor.ToString("G4", Invariant)}, " : "")
            + $"lowest loss at {Rate(f.Minimum)}, "
            + (f.DivergedAt is { } diverged ? $"loss diverged at {Rate(diverged)} ({f.Tried} of {f.Planned} rates)" : $"all {f.Planned} rates tried without divergence")
            + (f.Plot is { } plot ? $"; plot {plot}" : ""),
        TrialCompleted t => t.Line,
        SearchRoundStarted r => r.Line,
        SearchCompleted s => s.Leaderboard,
        _ => null,
    };

    static string Rate(double value) => value.ToString("0.0e+00", Invariant);

    static string RuleText(LrSuggestion rule) => rule switch
    {
        LrSuggestion.Valley => "middle of the longest valley of the smoothed loss",
        LrSuggestion.Steepest => "steepest descent of the smoothed loss",
        _ => "a tenth of the rate of the lowest smoothed loss",
    };

    public static string Epoch(EpochCompleted c) =>
        $"  epoch {c.Epoch.ToString(Invariant).PadLeft(c.Epochs.ToString(Invariant).Length)}/{c.Epochs}  "
        + $"loss {Figure(c.Train.Loss)}" + Accuracy(c.Train.Accuracy, "  acc ")
        + (c.Validation is { } v ? $"  val_loss {Figure(v.Loss)}" + Accuracy(v.Accuracy, "  val_acc ") + TopK(v, c.TopK, $"  val_top{c.TopK} ") + Custom(v, "  val_", " ") : "")
        + $"  {c.SamplesPerSecond:N0} samples/s";

    public static string Fold(FoldCompleted f)
    {
        FoldResult r = f.Result;
        return $"  fold {r.Fold}/{f.K} of {f.Model}: val_loss {Figure(r.Validation.Loss)}" + Accuracy(r.Validation.Accuracy, "  val_acc ")
            + Custom(r.Validation, "  val_", " ")
            + $"  ({r.EpochsRun} epochs{(r.BestEpoch is { } best ? $", best {best}" : "")}; {r.TrainRows:N0} train / {r.ValidationRows:N0} val rows)";
    }

    /// <summary>"0.1234 ± 0.0056".</summary>
    public static string Spread(Spread s) => $"{Figure(s.Mean)} ± {Figure(s.Std)}";

    static string Range(long smallest, long largest) => smallest == largest ? $"{smallest:N0}" : $"{smallest:N0}–{largest:N0}";

    /// <summary>Nothing for a regression, which makes no class decisions (accuracy NaN).</summary>
    static string Accuracy(double accuracy, string label) => double.IsNaN(accuracy) ? "" : label + Figure(accuracy);

    /// <summary>Top-k accuracy when it was measured (`top_k=`).</summary>
    static string TopK(Metrics metrics, int? k, string label) => metrics.TopK is { } value && k is not null ? label + Figure(value) : "";

    /// <summary>C# metrics, each as <paramref name="before"/> NAME <paramref name="between"/> value.</summary>
    static string Custom(Metrics metrics, string before, string between) =>
        string.Concat((metrics.Custom ?? new Dictionary<string, double>()).Select(m => before + m.Key + between + Figure(m.Value)));

    /// <summary>About ten epoch lines per run: the first, the last (also when early stopping
    /// ends the run) and every tenth.</summary>
    public static bool IsMilestone(EpochCompleted c) =>
        c.Epoch == 1 || c.Epoch == c.Epochs || c.Last || c.Epoch % Math.Max(1, c.Epochs / 10) == 0;

    public static string Progress(TrainingProgress p) =>
        $"  epoch {p.Epoch}/{p.Epochs}  step {p.Step}/{p.StepsPerEpoch}  loss {Figure(p.Loss)}  {p.SamplesPerSecond:N0} samples/s  ETA {Duration(p.Remaining)}";

    public static string Duration(TimeSpan span) =>
        span.TotalHours >= 1 ? span.ToString(@"h\:mm\:ss", Invariant) : span.ToString(@"m\:ss", Invariant);

    /// <summary>A loss, accuracy or metric as every host prints it: four decimals.</summary>
    public static string Figure(double value) => value.ToString("0.0000", Invariant);
}
