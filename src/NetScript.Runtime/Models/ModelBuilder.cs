using NetScript.Language.Semantics;
using static TorchSharp.torch;

namespace NetScript.Runtime.Models;

/// <summary>Builds the TorchSharp module for a checked <see cref="ModelPlan"/>: an
/// nn.Sequential whose children are named Keras-style (dense1, relu1, dense2 …), so that
/// statistics and summaries can refer to layers by name; then applies the plan's init.</summary>
public static class ModelBuilder
{
    public static nn.Module<Tensor, Tensor> Build(ModelPlan plan)
    {
        var counts = new Dictionary<string, int>();
        var children = new List<(string, nn.Module<Tensor, Tensor>)>();
        foreach (LayerPlan layer in plan.Layers)
        {
            counts[layer.Layer.Kind] = counts.GetValueOrDefault(layer.Layer.Kind) + 1;
            children.Add(($"{layer.Layer.Kind}{counts[layer.Layer.Kind]}", LayerFactory.Create(layer)));
        }
        if (plan.Init is { } init)
            WeightInitializer.Apply(init, plan.Layers.Zip(children, (layer, child) => (layer, (nn.Module)child.Item2)));
        return nn.Sequential(children);
    }
}
