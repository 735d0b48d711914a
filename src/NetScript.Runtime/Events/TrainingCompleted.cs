namespace NetScript.Runtime.Events;

/// <summary>The end of a training run. <see cref="EpochsRun"/> is less than
/// <see cref="Epochs"/> when early stopping ended it; then <see cref="Train"/> and
/// <see cref="Validation"/> are the best epoch's when its weights were restored.</summary>
public sealed record TrainingCompleted(string Model, int Epochs, Metrics Train, Metrics? Validation, TimeSpan Elapsed) : RunEvent
{
    public int EpochsRun { get; init; } = Epochs;

    /// <summary>The epoch whose weights the model ends with, when early stopping chose it.</summary>
    public int? BestEpoch { get; init; }

    /// <summary>`ema=` / `swa=`: what the model's weights now are (then <see cref="Validation"/>
    /// is measured on them after batchnorm statistics were recomputed); null otherwise.</summary>
    public string? Averaged { get; init; }
}
