namespace NetScript.Runtime.Events;

/// <summary>Fold <see cref="FoldResult.Fold"/> of <see cref="K"/> of the cross-validation
/// <see cref="Model"/> (its name in the run folder: <c>mlp</c>, or <c>mlp-2</c> for a second
/// one) finished.</summary>
public sealed record FoldCompleted(string Model, int K, FoldResult Result) : RunEvent;
