using System.Collections.Immutable;
using NetScript.Language.Semantics;

namespace NetScript.Language.Lowering;

/// <summary>A model bound to an input shape, lowered: what the runtime builds.</summary>
public sealed record ModelSpec(string Name, Shape Input, ImmutableArray<LayerSpec> Layers)
{
    /// <summary>How affine layers' weights start (null: PyTorch's default).</summary>
    public InitSpec? Init { get; init; }

    public Shape Output => Layers.Length == 0 ? Input : Layers[^1].Output;

    /// <summary>The model ends in `softmax` (dropout after it aside): its outputs are class
    /// probabilities, not logits, for the loss, predictions and ONNX export.</summary>
    public bool OutputsProbabilities => Layers.LastOrDefault(l => l.Operation is not DropoutLayer)?.Operation is SoftmaxLayer;

    public long Parameters => Layers.Sum(l => l.Parameters);

    /// <summary>The model's identity for resuming: its input and layers with their arguments.</summary>
    public string Key => $"{Input} " + string.Join(" -> ", Layers);
}
