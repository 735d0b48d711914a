using System.Collections.Immutable;

namespace NetScript.Language.Semantics;

/// <summary>Makes a <see cref="TrainStep"/> a k-fold cross-validation: K fresh copies of the
/// model, copy i trained on every fold but i and validated on fold i. <see cref="Refit"/> is
/// the preprocessing that came after the `kfold` statement; each fold fits it on its own
/// training part and applies it to both parts, so no held-out row shapes the statistics.</summary>
public sealed record CrossValidation(string Folds, string Source, int K, ImmutableArray<PreprocessOperation> Refit);
