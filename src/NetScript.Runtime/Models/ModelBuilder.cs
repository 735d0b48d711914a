using NetScript.Language.Lowering;
using NetScript.Runtime.Snippets;
using NetScript.Scripting;
using static TorchSharp.torch;

namespace NetScript.Runtime.Models;

/// <summary>Builds the TorchSharp module for a lowered <see cref="ModelSpec"/>: an
/// nn.Sequential whose children are named Keras-style (dense1, relu1, dense2 …), so that
/// statistics and summaries can refer to layers by name; then applies the plan's init. A C#
/// layer is taken from the snippet compiler that checked it (the process-wide one when none is given).
/// Layers inside a residual block are numbered within the block (residual1.dense1).</summary>
public static class ModelBuilder
{
    public static nn.Module<Tensor, Tensor> Build(ModelSpec plan, SnippetCompiler? snippets = null)
    {
        var children = Children(plan.Layers, snippets ?? SnippetCompiler.Default);
        if (plan.Init is { } init)
            WeightInitializer.Apply(init, plan.Layers.Zip(children, (layer, child) => (layer, (nn.Module)child.Module)));
        return nn.Sequential(children);
    }

    /// <summary>One module per layer, in order, each named after its kind and how many of that
    /// kind came before it in the same container.</summary>
    internal static List<(string Name, nn.Module<Tensor, Tensor> Module)> Children(IEnumerable<LayerSpec> layers, SnippetCompiler snippets)
    {
        var counts = new Dictionary<string, int>();
        var children = new List<(string, nn.Module<Tensor, Tensor>)>();
        foreach (LayerSpec layer in layers)
        {
            counts[layer.Kind] = counts.GetValueOrDefault(layer.Kind) + 1;
            string name = $"{layer.Kind}{counts[layer.Kind]}";
            children.Add((name, layer.Operation is CSharpLayer csharp
                ? CheckedSnippets.Compile(snippets, csharp.Snippet).ToModule(name)
                : LayerFactory.Create(layer, snippets)));
        }
        return children;
    }
}
