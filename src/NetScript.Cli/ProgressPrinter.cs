using System.Globalization;
using NetScript.Runtime.Events;

namespace NetScript.Cli;

/// <summary>Prints run events for a terminal (a live line redrawn in place) or for a log
/// (about ten epoch lines per training run).</summary>
internal sealed class ProgressPrinter(TextWriter output, bool interactive) : IRunObserver
{
    static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    bool _lineOpen;
    string _health = "";
    readonly Dictionary<string, Metrics?> _finalValidation = new();
    readonly Dictionary<string, Metrics> _finalTrain = new();

    public IReadOnlyDictionary<string, Metrics> FinalTrain => _finalTrain;

    public IReadOnlyDictionary<string, Metrics?> FinalValidation => _finalValidation;

    public void OnEvent(RunEvent e)
    {
        switch (e)
        {
            case RunFolderCreated f:
                WriteLine($"run folder {Relative(f.Path)}");
                break;
            case DatasetReady d:
                WriteLine($"data  {d.Name}: {d.Rows:N0} rows of {d.Shape}, {d.Classes} classes");
                break;
            case PreprocessingFitted p:
                WriteLine($"preprocess  {string.Join(", ", p.Operations)} fitted on {p.FitOn}, applied to {string.Join(", ", p.AppliedTo)}");
                break;
            case TrainingStarted t:
                _health = "";
                WriteLine($"train {t.Model} on {t.Data}: {t.Epochs} epochs × {t.StepsPerEpoch} steps, {t.Parameters:N0} parameters, {t.Optimizer}");
                break;
            case TrainingProgress p when interactive:
                Redraw($"  epoch {p.Epoch}/{p.Epochs}  step {p.Step}/{p.StepsPerEpoch}  loss {F(p.Loss)}  {p.SamplesPerSecond:N0} samples/s  ETA {Duration(p.Remaining)}{_health}");
                break;
            case StatisticsSampled s:
                _health = Health(s);
                break;
            case StatisticsRecorded r:
                WriteLine($"statistics and plots of {r.Model}: {Relative(r.Directory)} ({r.Plots.Count} plots; `netscript stats {Relative(r.Directory)}` for the table)");
                break;
            case EpochCompleted c:
                bool milestone = c.Epoch == 1 || c.Epoch == c.Epochs || c.Epoch % Math.Max(1, c.Epochs / 10) == 0;
                string line = $"  epoch {c.Epoch.ToString(Invariant).PadLeft(c.Epochs.ToString(Invariant).Length)}/{c.Epochs}  "
                    + $"loss {F(c.Train.Loss)}  acc {F(c.Train.Accuracy)}"
                    + (c.Validation is { } v ? $"  val_loss {F(v.Loss)}  val_acc {F(v.Accuracy)}" : "")
                    + $"  {c.SamplesPerSecond:N0} samples/s";
                if (milestone) WriteLine(line);
                else if (interactive) Redraw(line);
                break;
            case TrainingCompleted t:
                _finalTrain[t.Model] = t.Train;
                _finalValidation[t.Model] = t.Validation;
                WriteLine($"trained {t.Model} in {t.Elapsed.TotalSeconds.ToString("0.0", Invariant)} s");
                break;
            case EvaluationCompleted ev:
                WriteLine($"evaluate {ev.Model} on {ev.Data}: loss {F(ev.Metrics.Loss)}, accuracy {F(ev.Metrics.Accuracy)} ({ev.Samples:N0} samples)");
                break;
        }
    }

    /// <summary>The worst dead-unit and saturation share of the latest sample, for the live
    /// line: the two problems the notes teach to watch for while training.</summary>
    static string Health(StatisticsSampled s)
    {
        var dead = s.Layers.Where(l => l.DeadFraction is not null).MaxBy(l => l.DeadFraction);
        var saturated = s.Layers.Where(l => l.SaturatedFraction is not null).MaxBy(l => l.SaturatedFraction);
        return (dead is null ? "" : $"  dead {Percent(dead.DeadFraction!.Value)} ({dead.Layer})")
            + (saturated is null ? "" : $"  saturated {Percent(saturated.SaturatedFraction!.Value)} ({saturated.Layer})");
    }

    public void WriteLine(string text)
    {
        if (_lineOpen) output.Write("\r\u001b[2K");
        _lineOpen = false;
        output.WriteLine(text);
    }

    void Redraw(string text)
    {
        output.Write("\r\u001b[2K" + text);
        output.Flush();
        _lineOpen = true;
    }

    static string Duration(TimeSpan span) =>
        span.TotalHours >= 1 ? span.ToString(@"h\:mm\:ss", Invariant) : span.ToString(@"m\:ss", Invariant);

    static string Percent(double fraction) => (100 * fraction).ToString("0", Invariant) + "%";

    static string F(double value) => value.ToString("0.0000", Invariant);

    static string Relative(string path)
    {
        string relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
    }
}
