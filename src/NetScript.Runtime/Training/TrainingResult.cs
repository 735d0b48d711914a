using NetScript.Runtime.Events;

namespace NetScript.Runtime.Training;

/// <summary>The metrics a run ends with (the best epoch's when early stopping restored it),
/// how many epochs ran in total (including resumed ones), the last checkpoint written, and the
/// last epochs' weights when the plan keeps them for a snapshot ensemble (the caller owns them).</summary>
public sealed record TrainingResult(Metrics Train, Metrics? Validation, int EpochsRun, int? BestEpoch, string? Checkpoint)
{
    public IReadOnlyList<EpochWeights> EpochWeights { get; init; } = [];
}
