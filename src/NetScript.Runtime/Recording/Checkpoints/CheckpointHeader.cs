using NetScript.Data;
using NetScript.Runtime.Events;
using NetScript.Runtime.Training;

namespace NetScript.Runtime.Recording.Checkpoints;

/// <summary>The JSON part of a checkpoint: where the run stands and what it must match to be
/// resumed. <see cref="Epoch"/>/<see cref="Step"/> is the next step to run;
/// <see cref="InEpoch"/> says the epoch had begun (its order was drawn), so its order and
/// partial results follow in the binary part.</summary>
internal sealed record CheckpointHeader(
    int Format,
    string Model,
    string Plan,
    string Loss,
    string Optimizer,
    int Epoch,
    int Step,
    bool InEpoch,
    int BatchSize,
    long Samples,
    long Seed,
    List<EpochMetrics> History,
    EarlyStopState? EarlyStop,
    PreprocessingState Preprocessing,
    bool HasBestWeights)
{
    /// <summary>The resolved learning-rate schedule (null: none); a resumed run must match it.</summary>
    public string? Schedule { get; init; }

    /// <summary>The model's `regularize` block (null: none); a resumed run must match it.</summary>
    public string? Regularization { get; init; }

    /// <summary>`ema=`/`swa=` (null: none): the weight average follows in its own section, and a
    /// resumed run must average the same way.</summary>
    public string? Averaging { get; init; }
}

internal sealed record EarlyStopState(double Best, int BestEpoch, int EpochsWithoutImprovement);
