using NetScript.Language.Semantics;
using NetScript.Runtime.Snippets;
using NetScript.Scripting;
using static TorchSharp.torch;

namespace NetScript.Runtime.Models;

/// <summary>Builds the TorchSharp module for a checked <see cref="ModelPlan"/>: an
/// nn.Sequential whose children are named Keras-style (dense1, relu1, dense2 …), so that
/// statistics and summaries can refer to layers by name; then applies the plan's init. A C#
/// layer is taken from the snippet compiler that checked it (the process-wide one when none is given).</summary>
public static class ModelBuilder
{
    public static nn.Module<Tensor, Tensor> Build(ModelPlan plan, SnippetCompiler? snippets = null)
    {
        var counts = new Dictionary<string, int>();
        var children = new List<(string, nn.Module<Tensor, Tensor>)>();
        foreach (LayerPlan layer in plan.Layers)
        {
            counts[layer.Layer.Kind] = counts.GetValueOrDefault(layer.Layer.Kind) + 1;
            string name = $"{layer.Layer.Kind}{counts[layer.Layer.Kind]}";
            children.Add((name, layer.Layer.Snippet is { } snippet
                ? CheckedSnippets.Compile(snippets ?? SnippetCompiler.Default, snippet).ToModule(name)
                : LayerFactory.Create(layer)));
        }
        if (plan.Init is { } init)
            WeightInitializer.Apply(init, plan.Layers.Zip(children, (layer, child) => (layer, (nn.Module)child.Item2)));
        return nn.Sequential(children);
    }
}
