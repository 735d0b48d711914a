using NetScript.Language.Lowering;
using NetScript.Runtime.Models.Layers;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetScript.Runtime.Models;

/// <summary>Freezing and unfreezing the layers of a transferred model (<see cref="FineTuneSpec"/>),
/// by the names of the built module's children (conv1, batchnorm1, dense2 …).</summary>
public static class FineTuner
{
    /// <summary>Sets requires_grad of every layer's parameters (false for <paramref name="frozen"/>
    /// layers, true for the others) and freezes the running statistics of batchnorm layers among
    /// the frozen ones when <paramref name="freezeBatchNorm"/>.</summary>
    public static void Freeze(nn.Module module, IReadOnlyCollection<string> frozen, bool freezeBatchNorm)
    {
        foreach (var (name, child) in module.named_children())
        {
            bool isFrozen = frozen.Contains(name);
            foreach (var p in child.parameters()) p.requires_grad = !isFrozen;
            foreach (var norm in child.modules().Prepend(child).OfType<BatchNormalization>().Distinct()) norm.FrozenStatistics = isFrozen && freezeBatchNorm;
        }
    }

    /// <summary>The parameters of <paramref name="layers"/> (top-level children by name), in module order.</summary>
    public static List<Parameter> ParametersOf(nn.Module module, IReadOnlyCollection<string> layers) =>
        [.. module.named_children().Where(c => layers.Contains(c.name)).SelectMany(c => c.module.parameters())];

    /// <summary>The layer (top-level child) each parameter belongs to, by handle.</summary>
    public static Dictionary<IntPtr, string> Layers(nn.Module module) =>
        module.named_children().SelectMany(c => c.module.parameters().Select(p => (p.Handle, c.name)))
            .ToDictionary(x => x.Handle, x => x.name);

    /// <summary>The factor of a parameter's rate: lr_mult for pretrained layers, 1 for the replaced one.</summary>
    public static Func<Parameter, double> RateFactors(nn.Module module, FineTuneSpec fine)
    {
        if (fine.LearningRateMultiplier == 1) return _ => 1;
        var layers = Layers(module);
        return p => layers.TryGetValue(p.Handle, out string? layer) && layer == fine.Replace ? 1 : fine.LearningRateMultiplier;
    }

    /// <summary>A model for the next training after `transfer … replace=`: a fresh module of
    /// <paramref name="plan"/> (the replaced layer sized for the new data and initialised
    /// anew) with every other tensor copied from <paramref name="pretrained"/>.</summary>
    public static nn.Module<Tensor, Tensor> Replace(nn.Module<Tensor, Tensor> pretrained, ModelSpec plan, string replaced, NetScript.Scripting.SnippetCompiler? snippets)
    {
        var fresh = ModelBuilder.Build(plan, snippets);
        using var _ = no_grad();
        var source = pretrained.state_dict();
        foreach (var (name, target) in fresh.state_dict())
        {
            if (name.StartsWith(replaced + ".", StringComparison.Ordinal)) continue;
            if (!source.TryGetValue(name, out var value) || !value.shape.SequenceEqual(target.shape))
                throw new RuntimeFailure($"the transferred weights have no tensor `{name}` of shape [{string.Join(", ", target.shape)}]");
            target.copy_(value);
        }
        return fresh;
    }
}
