using System.Globalization;
using NetScript.Hosting;
using NetScript.Runtime.Events;

namespace NetScript.Cli;

/// <summary>Prints run events for a terminal (a live line redrawn in place) or for a log
/// (about ten epoch lines per training run).</summary>
internal sealed class ProgressPrinter(TextWriter output, bool interactive) : IRunObserver
{
    bool _lineOpen;
    string _health = "";
    readonly Dictionary<string, Metrics?> _finalValidation = new();
    readonly Dictionary<string, Metrics> _finalTrain = new();

    public IReadOnlyDictionary<string, Metrics> FinalTrain => _finalTrain;

    public IReadOnlyDictionary<string, Metrics?> FinalValidation => _finalValidation;

    /// <summary>Finished cross-validations, for the closing line (their folds are not in <see cref="FinalTrain"/>).</summary>
    public IReadOnlyList<CrossValidationCompleted> CrossValidations => _crossValidations;

    readonly List<CrossValidationCompleted> _crossValidations = new();

    public void OnEvent(RunEvent e)
    {
        switch (e)
        {
            case RunFolderCreated f:
                WriteLine($"run folder {Relative(f.Path)}");
                break;
            case TrainingStarted t:
                _health = "";
                WriteLine(RunEventText.Describe(t)!);
                break;
            case TrainingProgress p when interactive:
                Redraw(RunEventText.Progress(p) + _health);
                break;
            case StatisticsSampled s:
                _health = Health(s);
                break;
            case StatisticsRecorded r:
                WriteLine($"statistics and plots of {r.Model}: {Relative(r.Directory)} ({r.Plots.Count} plots; `netscript stats {Relative(r.Directory)}` for the table)");
                break;
            case EpochCompleted c:
                if (RunEventText.IsMilestone(c)) WriteLine(RunEventText.Epoch(c));
                else if (interactive) Redraw(RunEventText.Epoch(c));
                break;
            case TrainingCompleted t:
                _finalTrain[t.Model] = t.Train;
                _finalValidation[t.Model] = t.Validation;
                WriteLine(RunEventText.Describe(t)!);
                break;
            case FoldCompleted f:
                _finalTrain.Remove(f.Run);
                _finalValidation.Remove(f.Run);
                WriteLine(RunEventText.Fold(f));
                break;
            case CrossValidationCompleted cv:
                _crossValidations.Add(cv);
                WriteLine(RunEventText.Describe(cv)!);
                break;
            default:
                if (RunEventText.Describe(e) is { } line) WriteLine(line);
                break;
        }
    }

    /// <summary>The worst dead-unit and saturation share of the latest sample, for the live
    /// line: the two problems one learns to watch for while training.</summary>
    static string Health(StatisticsSampled s)
    {
        var dead = s.Layers.Where(l => l.DeadFraction is not null).MaxBy(l => l.DeadFraction);
        var saturated = s.Layers.Where(l => l.SaturatedFraction is not null).MaxBy(l => l.SaturatedFraction);
        return (dead is null ? "" : $"  dead {Percent(dead.DeadFraction!.Value)} ({dead.Layer})")
            + (saturated is null ? "" : $"  saturated {Percent(saturated.SaturatedFraction!.Value)} ({saturated.Layer})");
    }

    static string Percent(double fraction) => (100 * fraction).ToString("0", CultureInfo.InvariantCulture) + "%";

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

    static string Relative(string path)
    {
        string relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
    }
}
