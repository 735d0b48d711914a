using NetScript.Language.Semantics;
using NetScript.Language.Text;

namespace NetScript.Runtime.Export;

/// <summary>Describes model files for the checker's <c>load model</c> from their manifest, and
/// compares the weights of model files and checkpoints with a model for <c>transfer … from</c>.</summary>
public sealed class ModelFileResolver : IModelResolver
{
    public ModelFileInfo? Describe(string path, TextSpan span, out string? error)
    {
        error = null;
        if (!File.Exists(path))
        {
            error = "no such file (a relative path starts from the script's folder)";
            return null;
        }
        try
        {
            ExportedModel file = ExportedModel.Describe(path, span);
            return new ModelFileInfo(file.Definition(span), file.Plan.Input, file.Classes, file.Loss);
        }
        catch (Exception e) when (e is ExportException or IOException or UnauthorizedAccessException)
        {
            error = e.Message.Replace($"\"{path}\"", "it", StringComparison.Ordinal);
            return null;
        }
    }

    public Shape? WeightsInput(string path, out string? error)
    {
        error = null;
        try
        {
            return TransferWeights.ReadInput(path);
        }
        catch (Exception e) when (e is ExportException or IOException or UnauthorizedAccessException)
        {
            error = e.Message.Replace($"\"{path}\"", "it", StringComparison.Ordinal);
            return null;
        }
    }

    public string? WeightsMismatch(string path, ModelPlan plan)
    {
        try
        {
            TorchRuntime.EnsureLoaded();
            using var weights = TransferWeights.Read(path);
            using var module = Models.ModelBuilder.Build(NetScript.Language.Lowering.Lowerer.Model(plan) with { Init = null });
            return weights.Mismatch(module, plan.Input);
        }
        catch (Exception e) when (e is ExportException or IOException or UnauthorizedAccessException)
        {
            return e.Message.Replace($"\"{path}\"", "it", StringComparison.Ordinal);
        }
    }
}
