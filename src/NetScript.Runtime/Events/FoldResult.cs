namespace NetScript.Runtime.Events;

/// <summary>One fold of a cross-validation: the copy trained on every other fold
/// (<see cref="TrainRows"/>) and validated on this one (<see cref="ValidationRows"/>).
/// <see cref="Train"/> and <see cref="Validation"/> are the final epoch's, or the best
/// epoch's when early stopping restored it (<see cref="BestEpoch"/>). <see cref="Seed"/>
/// initialised, shuffled and regularized this copy.</summary>
public sealed record FoldResult(int Fold, long Seed, long TrainRows, long ValidationRows, Metrics Train, Metrics Validation, int EpochsRun, int? BestEpoch);
