using NetScript.Hosting;
using NetScript.Runtime.Events;

namespace NetScript.Cli;

/// <summary>Prints run events for a terminal (a live line redrawn in place) or for a log
/// (about ten epoch lines per training run).</summary>
internal sealed class ProgressPrinter(TextWriter output, bool interactive) : IRunObserver
{
    bool _lineOpen;
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
            case TrainingProgress p when interactive:
                Redraw(RunEventText.Progress(p));
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
            default:
                if (RunEventText.Describe(e) is { } line) WriteLine(line);
                break;
        }
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

    static string Relative(string path)
    {
        string relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
    }
}
