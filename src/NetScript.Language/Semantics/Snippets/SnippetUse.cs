namespace NetScript.Language.Semantics;

/// <summary>A loss or metric snippet as a training run calls it: the targets it receives, as the
/// checker probed it with them (class indices (B) int64, or values (B, …) float32 shaped like
/// <see cref="SnippetTarget.Shape"/>, whatever shape the dataset stores them in).</summary>
public sealed record SnippetUse(SnippetSource Source, SnippetTarget Targets)
{
    public string Name => Source.Name ?? Source.Kind.ToString().ToLowerInvariant();

    /// <summary>The targets a dataset gives a loss or metric: class indices for classification,
    /// otherwise real values (one per sample when the data declares no target shape).</summary>
    public static SnippetTarget TargetsOf(DatasetInfo data) =>
        data.Targets is { } shape ? SnippetTarget.Values(shape)
        : data.Classes == 0 ? SnippetTarget.Values(Shape.Of(1))
        : SnippetTarget.ClassIndices(data.Classes);
}
