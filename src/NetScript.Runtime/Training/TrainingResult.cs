using NetScript.Runtime.Events;

namespace NetScript.Runtime.Training;

/// <summary>The metrics a run ends with (the best epoch's when early stopping restored it),
/// how many epochs ran in total (including resumed ones), and the last checkpoint written.</summary>
public sealed record TrainingResult(Metrics Train, Metrics? Validation, int EpochsRun, int? BestEpoch, string? Checkpoint);
