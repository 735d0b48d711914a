using NetScript.Language.Semantics;
using TorchSharp;
using static TorchSharp.torch;

namespace NetScript.Runtime.Models;

/// <summary>Builds the TorchSharp module for a checked <see cref="ModelPlan"/>: an
/// nn.Sequential whose children are named Keras-style (dense1, relu1, dense2 …), so that
/// statistics and summaries can refer to layers by name.</summary>
public static class ModelBuilder
{
    public static nn.Module<Tensor, Tensor> Build(ModelPlan plan)
    {
        var counts = new Dictionary<string, int>();
        var children = new List<(string, nn.Module<Tensor, Tensor>)>();
        foreach (LayerPlan layer in plan.Layers)
        {
            counts[layer.Layer.Kind] = counts.GetValueOrDefault(layer.Layer.Kind) + 1;
            children.Add(($"{layer.Layer.Kind}{counts[layer.Layer.Kind]}", BuildLayer(layer)));
        }
        return nn.Sequential(children);
    }

    static nn.Module<Tensor, Tensor> BuildLayer(LayerPlan layer)
    {
        var args = layer.Layer.Arguments;
        return layer.Layer.Kind switch
        {
            // (B, in) -> (B, units); PyTorch's default init (Kaiming-uniform, a=√5).
            "dense" => nn.Linear(layer.Input.Dims[0], args.Int("units"), hasBias: args.Flag("bias")),
            "relu" => nn.ReLU(),
            _ => throw new RuntimeFailure($"layer `{layer.Layer.Kind}` has no runtime implementation"),
        };
    }
}
