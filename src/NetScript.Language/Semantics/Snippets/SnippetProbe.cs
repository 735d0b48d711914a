namespace NetScript.Language.Semantics;

/// <summary>What the checker knows about the tensors a snippet will receive (per-sample shapes,
/// batch excluded). A snippet is checked by running it once on a dummy batch of these shapes
/// before any training, so a shape bug is reported before compute is spent.</summary>
/// <param name="Input">A loss's or metric's prediction (the model's output), or a layer's input.</param>
/// <param name="Target">The targets of a loss or metric; null for a layer.</param>
public sealed record SnippetProbe(Shape Input, SnippetTarget? Target)
{
    public static SnippetProbe ForLoss(Shape prediction, SnippetTarget target) => new(prediction, target);

    public static SnippetProbe ForLayer(Shape input) => new(input, null);
}
