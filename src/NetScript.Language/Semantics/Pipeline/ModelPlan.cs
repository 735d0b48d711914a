using System.Collections.Immutable;

namespace NetScript.Language.Semantics;

/// <summary>A model bound to an input shape: what the runtime builds.</summary>
public sealed record ModelPlan(string Name, Shape Input, ImmutableArray<LayerPlan> Layers)
{
    /// <summary>How affine layers' weights start (null: PyTorch's default).</summary>
    public InitSettings? Init { get; init; }

    public Shape Output => Layers.Length == 0 ? Input : Layers[^1].Output;

    public long Parameters => Layers.Sum(l => l.Parameters);
}
