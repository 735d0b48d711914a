using System.Collections.Immutable;
using NetScript.Language.Semantics;

namespace NetScript.Language.Lowering;

/// <summary>One layer of a lowered model: its operation, inferred shapes and parameter count. A residual block
/// also has its branch and, when the branch changes the shape, the projection on its shortcut.</summary>
public sealed record LayerSpec(LayerOperation Operation, Shape Input, Shape Output, long Parameters)
{
    /// <summary>A residual block's branch, in order; empty for other layers.</summary>
    public ImmutableArray<LayerSpec> Body { get; init; } = [];

    /// <summary>The shortcut's projection (a bias-free 1×1 conv or dense layer), or null for the identity.</summary>
    public LayerSpec? Shortcut { get; init; }

    public string Kind => Operation.Kind;

    public override string ToString() => Body.IsEmpty ? Operation.ToString() : $"{Operation} {{ {string.Join(" -> ", Body)} }}";
}
