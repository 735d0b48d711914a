using NetScript.Language.Semantics;
using NetScript.Runtime.Snippets;
using NetScript.Scripting;
using static TorchSharp.torch;

namespace NetScript.Runtime.Models;

/// <summary>Builds the TorchSharp module for a checked <see cref="ModelPlan"/>: an
/// nn.Sequential whose children are named Keras-style (dense1, relu1, dense2 …), so that
/// statistics and summaries can refer to layers by name; then applies the plan's init. A C#
/// layer is taken from the snippet compiler that checked it (the process-wide one when none is given).
/// Layers inside a residual block are numbered within the block (residual1.dense1).</summary>
public static class ModelBuilder
{
    public static nn.Module<Tensor, Tensor> Build(ModelPlan plan, SnippetCompiler? snippets = null)
    {
        var children = Children(plan.Layers, snippets ?? SnippetCompiler.Default);
        if (plan.Init is { } init)
            WeightInitializer.Apply(init, plan.Layers.Zip(children, (layer, child) => (layer, (nn.Module)child.Module)));
        return nn.Sequential(children);
    }

    /// <summary>One module per layer, in order, each named after its kind and how many of that
    /// kind came before it in the same container.</summary>
    internal static List<(string Name, nn.Module<Tensor, Tensor> Module)> Children(IEnumerable<LayerPlan> layers, SnippetCompiler snippets)
    {
        var counts = new Dictionary<string, int>();
        var children = new List<(string, nn.Module<Tensor, Tensor>)>();
        foreach (LayerPlan layer in layers)
        {
            counts[layer.Layer.Kind] = counts.GetValueOrDefault(layer.Layer.Kind) + 1;
            string name = $"{layer.Layer.Kind}{counts[layer.Layer.Kind]}";
            children.Add((name, layer.Layer.Snippet is { } snippet
                ? CheckedSnippets.Compile(snippets, snippet).ToModule(name)
                : LayerFactory.Create(layer, snippets)));
        }
        return children;
    }
}
