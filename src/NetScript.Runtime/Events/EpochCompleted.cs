namespace NetScript.Runtime.Events;

/// <summary><see cref="Train"/> averages the mini-batch metrics seen during the epoch (as
/// Keras reports them); <see cref="Validation"/> is measured after the epoch.</summary>
public sealed record EpochCompleted(
    string Model, int Epoch, int Epochs, Metrics Train, Metrics? Validation, double SamplesPerSecond, TimeSpan Elapsed) : RunEvent
{
    /// <summary>The run's last epoch: <see cref="Epochs"/> reached or early stopping ended it.</summary>
    public bool Last { get; init; }

    /// <summary>The k of top-k accuracy, when <see cref="Metrics.TopK"/> is measured (`top_k=`).</summary>
    public int? TopK { get; init; }
}
