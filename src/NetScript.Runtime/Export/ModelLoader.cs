using NetScript.Language.Lowering;
using NetScript.Language.Semantics;
using NetScript.Runtime.Models;
using NetScript.Runtime.Training.Losses;
using NetScript.Scripting;
using static TorchSharp.torch;

namespace NetScript.Runtime.Export;

/// <summary>Builds the module of a model file's plan and loads its weights, in eval mode.</summary>
public static class ModelLoader
{
    /// <param name="plan">The plan to build: the file's own, or the checker's plan of the same layers.</param>
    public static TrainedModel Build(ExportedModel file, ModelPlan? plan = null, SnippetCompiler? snippets = null)
    {
        ModelSpec spec = Lowerer.Model((plan ?? file.Plan) with { Init = null }); // the weights come from the file
        var module = ModelBuilder.Build(spec, snippets);
        try
        {
            LoadWeights(module, file.Weights, file.Path);
            module.eval();
            var model = new TrainedModel(spec, module);
            if (file.Loss is { } loss)
            {
                LossSpec lowered = Lowerer.Loss(loss, spec);
                model.UseLoss(LossFactory.Create(lowered, spec.Output, file.Classes, snippets), lowered.ToString());
            }
            return model;
        }
        catch
        {
            module.Dispose();
            throw;
        }
    }

    /// <summary>Copies every parameter and buffer of <paramref name="module"/> from
    /// <paramref name="weights"/>; a missing or differently shaped tensor names the layer.</summary>
    public static void LoadWeights(nn.Module module, IReadOnlyDictionary<string, SafetensorsTensor> weights, string source)
    {
        using var _ = no_grad();
        var expected = module.state_dict();
        foreach (var (name, target) in expected)
        {
            if (!weights.TryGetValue(name, out SafetensorsTensor? saved))
                throw new ExportException($"\"{source}\" has no tensor `{name}` (layer `{Layer(name)}`)");
            if (!saved.Shape.SequenceEqual(target.shape))
                throw new ExportException($"\"{source}\": `{name}` has shape [{string.Join(", ", saved.Shape)}], "
                    + $"but layer `{Layer(name)}` needs [{string.Join(", ", target.shape)}]");
            using Tensor value = saved.ToTensor();
            target.copy_(value);
        }
        if (weights.Keys.FirstOrDefault(k => !expected.ContainsKey(k)) is { } extra)
            throw new ExportException($"\"{source}\" has a tensor `{extra}` that no layer of the model uses");
    }

    static string Layer(string tensor) => tensor[..Math.Max(0, tensor.LastIndexOf('.'))];
}
