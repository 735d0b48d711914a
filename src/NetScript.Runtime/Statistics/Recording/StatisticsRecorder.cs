using System.Collections.Concurrent;
using NetScript.Data;
using NetScript.Language.Diagnostics;
using NetScript.Runtime.Events;
using NetScript.Runtime.Statistics.Plots;
using static TorchSharp.torch;

namespace NetScript.Runtime.Statistics.Recording;

/// <summary>Records one training run into its folder of the run folder (<c>RUN/MODEL/</c>):
/// Parquet tables, a TensorBoard log, and plots when training ends. It sits in the event
/// stream: every event goes on to the host's observer first, then is queued for a writer
/// thread, so the training loop never waits on disk. The queue is bounded (a stalled disk
/// slows training rather than growing memory) and so is everything kept for the plots.</summary>
public sealed class StatisticsRecorder : IRunObserver, IDisposable
{
    const int QueueCapacity = 1024;

    readonly IRunObserver _next;
    readonly string _model;
    readonly BlockingCollection<RunEvent> _queue = new(QueueCapacity);
    readonly StatisticsHistory _history = new();
    readonly StatisticsTables _tables;
    readonly TensorBoardLog _tensorBoard;
    readonly Thread _writer;
    Exception? _failure;
    bool _closed;

    StatisticsRecorder(string directory, string model, IRunObserver next)
    {
        Directory = directory;
        _model = model;
        _next = next;
        _tables = new StatisticsTables(directory);
        _tensorBoard = new TensorBoardLog(directory);
        _writer = new Thread(Write) { IsBackground = true, Name = "statistics writer" };
        _writer.Start();
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
        if (e is TrainingStarted or StatisticsSampled or EpochCompleted && !_queue.IsAddingCompleted)
            _queue.Add(e);
    }

    void Write()
    {
        foreach (RunEvent e in _queue.GetConsumingEnumerable())
        {
            if (_failure is not null) continue; // keep draining so training never blocks
            try
            {
                _history.Add(e);
                _tables.Add(e);
                Log(e);
            }
            catch (Exception x)
            {
                _failure = x;
            }
        }
    }

    void Log(RunEvent e)
    {
        // Epoch metrics are the training log's (TrainingLog); this log holds the statistics.
        if (e is StatisticsSampled s) _tensorBoard.Sample(s);
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
        if (_closed) return;
        _closed = true;
        _queue.CompleteAdding();
        _writer.Join();
        try
        {
            _tables.Dispose();
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
        _queue.Dispose();
    }
}
