using NetScript.Data;
using NetScript.Language.Diagnostics;
using NetScript.Language.Semantics;
using NetScript.Runtime.Events;
using NetScript.Runtime.Execution;
using NetScript.Runtime.Models;

namespace NetScript.Runtime.Export;

/// <summary>Runs <c>export</c> and <c>load model</c> steps against the workspace.</summary>
internal sealed class ExportSteps(Workspace workspace, IRunObserver observer)
{
    public void Export(ExportStep step)
    {
        try
        {
            switch (step.Format)
            {
                case ExportFormat.Dataset:
                    ParquetDatasetWriter.Write(workspace.Dataset(step.Name), step.Path);
                    break;
                case ExportFormat.Model:
                {
                    TrainedModel model = Trained(step);
                    ModelFile.Write(step.Path, step.Plan!, model.Module, step.Loss, step.Classes, Preprocessing(step), step.RawInput!);
                    break;
                }
                case ExportFormat.Onnx:
                {
                    TrainedModel model = Trained(step);
                    Onnx.OnnxExporter.Write(step.Path, step.Plan!, model.Module, Preprocessing(step), step.RawInput!, step.Classes);
                    break;
                }
            }
            string what = step.Format switch { ExportFormat.Model => "model file", ExportFormat.Onnx => "ONNX", _ => "Parquet" };
            observer.OnEvent(new Exported(step.Name, ModelExecutor.Display(step.Path), what, new FileInfo(step.Path).Length));
        }
        catch (ExportException e)
        {
            throw new RuntimeFailure(e.Message, DiagnosticCatalog.ExportFailed, [step.Name, ModelExecutor.Display(step.Path), e.Message]);
        }
    }

    public void LoadModel(LoadModelStep step)
    {
        try
        {
            ExportedModel file = ExportedModel.Read(step.Path, step.Span);
            TrainedModel model = ModelLoader.Build(file, step.Plan, workspace.Snippets);
            workspace.SetModel(step.Name, model);
            observer.OnEvent(new ModelLoaded(step.Name, ModelExecutor.Display(step.Path), model.ParameterCount, file.Input.ToString(), file.Classes));
        }
        catch (ExportException e)
        {
            throw new RuntimeFailure(e.Message, DiagnosticCatalog.ModelFileError, [ModelExecutor.Display(step.Path), e.Message]);
        }
    }

    /// <summary>`transfer`: the source architecture built at the weights' input shape, the file's
    /// weights loaded (a file that does not fit names its first mismatching layer), the frozen
    /// layers frozen; the model is kept under the target name for its next training.</summary>
    public void Transfer(NetScript.Language.Lowering.TransferPlan step)
    {
        try
        {
            using TransferWeights weights = TransferWeights.Read(step.Path);
            var module = ModelBuilder.Build(step.Network, workspace.Snippets);
            try
            {
                if (weights.Mismatch(module, step.Network.Input) is { } mismatch) throw new ExportException(mismatch);
                weights.CopyInto(module);
                FineTuner.Freeze(module, step.FineTuning.Frozen, step.FineTuning.FreezeBatchNorm);
            }
            catch
            {
                module.Dispose();
                throw;
            }
            var model = new TrainedModel(step.Network, module);
            workspace.SetModel(step.Target, model);
            observer.OnEvent(new ModelLoaded(step.Target, ModelExecutor.Display(step.Path), model.ParameterCount, step.Network.Input.ToString(), 0));
        }
        catch (ExportException e)
        {
            throw new RuntimeFailure(e.Message, DiagnosticCatalog.TransferSource, [step.Model, ModelExecutor.Display(step.Path), e.Message]);
        }
    }

    TrainedModel Trained(ExportStep step)
    {
        TrainedModel model = workspace.Models.TryGetValue(step.Name, out var m) ? m
            : throw new ExportException($"model `{step.Name}` has not been trained in this session");
        if (model.Loss is { } loss && loss.parameters().Any())
            throw new ExportException($"its loss ({model.LossDescription}) has parameters of its own, which a model file does not hold");
        return model;
    }

    /// <summary>The session's fitted preprocessing when the model takes its output, else none.</summary>
    IReadOnlyList<IFittedTransform> Preprocessing(ExportStep step) => step.Preprocessed ? workspace.Transforms : [];
}
