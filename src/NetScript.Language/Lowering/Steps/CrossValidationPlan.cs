using System.Collections.Immutable;

namespace NetScript.Language.Lowering;

/// <summary>Makes a <see cref="TrainPlan"/> a k-fold cross-validation over the folds
/// <see cref="Folds"/> of <see cref="Source"/>: K fresh copies of the model, copy i validated on
/// fold i. <see cref="Refit"/> is the preprocessing after the `kfold` statement, fitted again
/// on each fold's training part.</summary>
public sealed record CrossValidationPlan(string Folds, string Source, int K, ImmutableArray<PreprocessingSpec> Refit);
