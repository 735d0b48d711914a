using System.Collections.Immutable;

namespace NetScript.Language.Semantics;

/// <summary>A layer with its inferred input/output shapes and parameter count. A residual
/// block also has its branch's plans and, when the branch changes the shape, the projection
/// on its shortcut; its <see cref="Parameters"/> include both.</summary>
public sealed record LayerPlan(LayerDefinition Layer, Shape Input, Shape Output, long Parameters)
{
    public ImmutableArray<LayerPlan> Body { get; init; } = [];

    /// <summary>The shortcut's projection (a bias-free 1×1 conv or dense layer), or null for the identity.</summary>
    public LayerPlan? Shortcut { get; init; }

    /// <summary>This layer and every layer inside it, depth first: the branch, then the shortcut.</summary>
    public IEnumerable<LayerPlan> Descendants()
    {
        yield return this;
        foreach (LayerPlan inner in Body.SelectMany(b => b.Descendants())) yield return inner;
        if (Shortcut is not null) yield return Shortcut;
    }
}
