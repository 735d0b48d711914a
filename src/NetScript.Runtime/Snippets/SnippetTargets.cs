using NetScript.Language.Semantics;
using static TorchSharp.torch;

namespace NetScript.Runtime.Snippets;

/// <summary>Targets as a C# loss or metric receives them, exactly as the checker probed it:
/// class indices (B) int64, or real values (B, …) float32 in the declared target shape — a
/// regression column stored as (B) arrives as (B, 1), so <c>pred - target</c> cannot broadcast
/// (B, 1) against (B) into (B, B).</summary>
internal static class SnippetTargets
{
    public static Tensor Align(Tensor labels, SnippetTarget targets)
    {
        if (targets.Kind == SnippetTargetKind.ClassIndices)
            return labels.dtype == ScalarType.Int64 ? labels : labels.to_type(ScalarType.Int64);
        Tensor values = labels.dtype == ScalarType.Float32 ? labels : labels.to_type(ScalarType.Float32);
        long[] shape = [labels.shape[0], .. targets.Shape.Dims.Select(d => (long)d)];
        return values.shape.SequenceEqual(shape) ? values : values.view(shape);
    }
}
