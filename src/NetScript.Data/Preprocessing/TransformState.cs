namespace NetScript.Data;

/// <summary>A fitted preprocessing step as plain data (JSON-serialisable): the run folder's
/// preprocessing.json and checkpoints store it, and <see cref="FittedTransforms.Restore"/>
/// rebuilds the transform from it, so evaluation and transfer reuse the training statistics.</summary>
/// <param name="Kind">The step's name in the language (<c>standardize</c>, <c>pca</c>, …).</param>
/// <param name="Parameters">Settings as invariant text (<c>eps</c>, <c>over</c>, …).</param>
/// <param name="Tensors">Fitted statistics, each with the shape it broadcasts with.</param>
public sealed record TransformState(string Kind, IReadOnlyDictionary<string, string> Parameters, IReadOnlyDictionary<string, StateTensor> Tensors)
{
    /// <summary>The split the statistics were fitted on (informational).</summary>
    public string? FitOn { get; init; }
}
