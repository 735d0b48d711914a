namespace NetScript.Runtime.Events;

/// <summary>All folds of a cross-validation finished: each fold's result and the mean ± sample
/// standard deviation of the validation loss and accuracy over the folds (accuracy is NaN for
/// losses that make no class decisions).</summary>
public sealed record CrossValidationCompleted(string Model, string Folds, IReadOnlyList<FoldResult> Results, Spread ValidationLoss, Spread ValidationAccuracy)
    : RunEvent;
