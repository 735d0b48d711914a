namespace NetScript.Runtime.Events;

/// <summary>Fold <see cref="FoldResult.Fold"/> of <see cref="K"/> of the cross-validation
/// <see cref="Model"/> (its name in the run folder: <c>mlp</c>, or <c>mlp-2</c> for a second
/// one) finished.</summary>
public sealed record FoldCompleted(string Model, int K, FoldResult Result) : RunEvent
{
    /// <summary>The training run of fold <paramref name="fold"/> of the cross-validation
    /// <paramref name="model"/>: its folder and its name in the run summary.</summary>
    public static string FoldRun(string model, int fold) => $"{model}-fold{fold}";

    /// <summary>This fold's training run (<see cref="FoldRun"/>).</summary>
    public string Run => FoldRun(Model, Result.Fold);
}
