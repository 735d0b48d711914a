namespace NetScript.Language.Semantics;

/// <summary>The targets a loss or metric receives, as the training data defines them.</summary>
/// <param name="Shape">Per sample, batch excluded: [] for class indices.</param>
/// <param name="Classes">The number of classes for <see cref="SnippetTargetKind.ClassIndices"/>; 0 otherwise.</param>
public sealed record SnippetTarget(SnippetTargetKind Kind, Shape Shape, int Classes)
{
    public static SnippetTarget ClassIndices(int classes) => new(SnippetTargetKind.ClassIndices, Shape.Of(), classes);

    public static SnippetTarget Values(Shape shape) => new(SnippetTargetKind.Values, shape, 0);

    /// <summary>Per batch: "(B) int64 class indices in [0, 3)", "(B, 1) float32 values".</summary>
    public override string ToString() => Kind == SnippetTargetKind.ClassIndices
        ? $"(B) int64 class indices in [0, {Classes})"
        : $"(B{string.Concat(Shape.Dims.Select(d => ", " + d))}) float32 values";
}
