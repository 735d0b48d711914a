using NetScript.Data;
using NetScript.Language.Diagnostics;
using NetScript.Runtime.Events;
using NetScript.Runtime.Statistics;
using NetScript.Runtime.Statistics.Plots;
using static TorchSharp.torch;

namespace NetScript.Runtime.Recording;

/// <summary>Records one training run into its folder of the run folder (<c>RUN/MODEL/</c>):
/// Parquet tables, a TensorBoard log, and plots when training ends. It sits in the event
/// stream: every event goes on to the host's observer first (the REPL and the CLI see samples
/// as they come); the recorder keeps the statistics samples and writes them at the end of each
/// epoch, or every <see cref="MaxPending"/> samples in a long one — on the training thread,
/// between steps, so no writer thread competes with libtorch's threads for a core. Memory
/// stays bounded: at most <see cref="MaxPending"/> samples wait, the tables commit row groups
/// (<see cref="StatisticsTables"/>), and the history for plots keeps bounded series.</summary>
public sealed class StatisticsRecorder : IRunObserver, IDisposable
{
    const int MaxPending = 64;

    readonly IRunObserver _next;
    readonly string _model;
    readonly List<RunEvent> _pending = new(MaxPending);
    readonly StatisticsHistory _history = new();
    StatisticsTables? _tables;
    TensorBoardLog? _tensorBoard;
    Exception? _failure;
    bool _closed;

    StatisticsRecorder(string directory, string model, IRunObserver next)
    {
        Directory = directory;
        _model = model;
        _next = next;
    }

    /// <summary>The folder this run's files go to.</summary>
    public string Directory { get; }

    /// <summary>Starts recording <paramref name="model"/>'s training into
    /// <paramref name="directory"/>, the training run's own folder of the run folder
    /// (<c>RUN/mlp</c>, then <c>RUN/mlp-2</c>, … when a session trains it again).</summary>
    public static StatisticsRecorder Start(string directory, string model, IRunObserver next)
    {
        try
        {
            System.IO.Directory.CreateDirectory(directory);
            return new StatisticsRecorder(directory, model, next);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw WriteFailure(model, e);
        }
    }

    public void OnEvent(RunEvent e)
    {
        _next.OnEvent(e);
        if (e is not (TrainingStarted or StatisticsSampled or EpochCompleted)) return;
        lock (_pending)
        {
            if (_closed) return;
            _pending.Add(e);
            if (e is not StatisticsSampled || _pending.Count >= MaxPending) WritePending();
        }
    }

    /// <summary>Writes the waiting events in order. After a failure the rest are dropped (the
    /// failure is reported when the recorder closes) and training goes on.</summary>
    void WritePending()
    {
        foreach (RunEvent e in _pending)
        {
            if (_failure is not null) break;
            try
            {
                _history.Add(e);
                // Tables and log open with the first sample: with stats=0 the folder holds no statistics files.
                if (e is StatisticsSampled) _tables ??= new StatisticsTables(Directory);
                _tables?.Add(e);
                Log(e);
            }
            catch (Exception x)
            {
                _failure = x;
            }
        }
        _pending.Clear();
    }

    void Log(RunEvent e)
    {
        // Epoch metrics are the training log's (TrainingLog); this log holds the statistics.
        if (e is StatisticsSampled s) (_tensorBoard ??= new TensorBoardLog(Directory)).Sample(s);
    }

    /// <summary>After training: writes what is queued, completes the tables and draws the
    /// plots (the decision boundary when <paramref name="data"/> is 2-D). Returns the plots.</summary>
    public IReadOnlyList<string> Finish(nn.Module<Tensor, Tensor> module, TensorDataset data)
    {
        Close();
        IReadOnlyList<string> plots;
        try
        {
            plots = RunPlots.Write(_model, _history, Directory, module, data);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new RuntimeFailure(e.Message, DiagnosticCatalog.PlotsNotWritten, [_model, FirstLine(e.Message)]);
        }
        _next.OnEvent(new StatisticsRecorded(_model, Directory, plots));
        return plots;
    }

    void Close()
    {
        lock (_pending)
        {
            if (_closed) return;
            _closed = true;
            WritePending();
        }
        try
        {
            _tables?.Commit();
        }
        catch (Exception e)
        {
            _failure ??= e;
        }
        if (_failure is { } failure) throw WriteFailure(_model, failure);
    }

    static RuntimeFailure WriteFailure(string model, Exception e) =>
        new(e.Message, DiagnosticCatalog.StatisticsNotWritten, [model, FirstLine(e.Message)]);

    static string FirstLine(string message) => message.Split('\n')[0].Trim();

    /// <summary>Completes the files without plots (training stopped early or failed); what
    /// was recorded so far stays readable.</summary>
    public void Dispose()
    {
        try
        {
            Close();
        }
        catch (RuntimeFailure)
        {
            // Disposal follows another failure, which is the one to report.
        }
    }
}
