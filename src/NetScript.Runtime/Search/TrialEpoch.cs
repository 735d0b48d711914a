namespace NetScript.Runtime.Search;

/// <summary>The search's metric after one epoch of a trial's training (fold 0 when the trial
/// does not train on folds, else the fold's number from 1).</summary>
public sealed record TrialEpoch(int Fold, int Epoch, double Value);
