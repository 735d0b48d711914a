using NetScript.Data;
using NetScript.Language.Diagnostics;
using NetScript.Language.Lowering;
using NetScript.Language.Semantics;
using NetScript.Runtime.Events;
using NetScript.Runtime.Execution;
using NetScript.Runtime.Recording;
using static TorchSharp.torch;

namespace NetScript.Runtime.Data;

/// <summary>The data statements of a pipeline: load, split and preprocess. Preprocessing is
/// fitted on the fit split only and then applied, never refitted, to every other dataset —
/// including ones loaded later — so validation statistics cannot leak into training.</summary>
internal sealed class DataSteps(Workspace workspace, IRunObserver observer, RunFolder? runFolder)
{
    public void Load(LoadPlan step, CancellationToken cancellation)
    {
        TensorDataset data = CatalogResolver.Load(step.Source, cancellation);
        if (step.ApplyPreprocessing && workspace.Transforms.Count > 0)
        {
            Tensor features = PreprocessingState.ApplyInPlace(workspace.Transforms, data.Features);
            if (!ReferenceEquals(features, data.Features))
            {
                using TensorDataset raw = data;
                data = raw.WithFeatures(features);
            }
        }
        workspace.SetDataset(step.Name, data);
        Report(step.Name, data);
    }

    public void Split(SplitStep step)
    {
        TensorDataset source = workspace.Dataset(step.Source);
        TensorDataset[] parts = DatasetSplitter.Split(source, step.Parts.Select(p => p.Fraction).ToArray(), step.Stratify, step.Seed);
        for (int i = 0; i < parts.Length; i++)
        {
            workspace.SetDataset(step.Parts[i].Name, parts[i]);
            Report(step.Parts[i].Name, parts[i]);
        }
    }

    public void Preprocess(PreprocessPlan step)
    {
        TensorDataset fitData = workspace.Dataset(step.FitOn);
        // Rows that nobody reads as they were are overwritten, not copied: the fit split's when it
        // is a target and no plot needs it before (a search trial only borrows its datasets).
        bool overwrite = step.Targets.Contains(step.FitOn) && workspace.Owns(fitData) && !Plots(fitData);
        List<IFittedTransform> fitted;
        Tensor transformed;
        try
        {
            (fitted, transformed) = PreprocessingChain.FitAndTransform(step.Operations, fitData.Features, step.FitOn, overwrite);
        }
        catch when (overwrite)
        {
            workspace.RemoveDataset(step.FitOn); // part-transformed: load it again
            throw;
        }
        PlotTwoDimensional(step, fitData, transformed, fitted);
        foreach (string target in step.Targets)
        {
            TensorDataset data = workspace.Dataset(target);
            Tensor features = target == step.FitOn ? transformed
                : workspace.Owns(data) ? PreprocessingState.ApplyInPlace(fitted, data.Features)
                : PreprocessingState.Apply(fitted, data.Features);
            if (!ReferenceEquals(features, data.Features)) workspace.SetDataset(target, data.WithFeatures(features));
        }
        if (!step.Targets.Contains(step.FitOn) && !ReferenceEquals(transformed, fitData.Features)) transformed.Dispose();
        foreach (IFittedTransform transform in fitted) workspace.AddTransform(transform);
        runFolder?.WriteText("preprocessing.json", PreprocessingState.Capture(workspace.Transforms).ToJson());
        observer.OnEvent(new PreprocessingFitted(step.FitOn, fitted.Select(f => f.Kind).ToList(), step.Targets));
    }

    /// <summary>2-D data gets preprocessing.png in the run folder: the fit split before and after
    /// the steps.</summary>
    void PlotTwoDimensional(PreprocessPlan step, TensorDataset before, Tensor after, IReadOnlyList<IFittedTransform> fitted)
    {
        if (runFolder is null || !Plots(before) || after.shape is not [_, 2]) return;
        try
        {
            long[]? labels = before.IsRegression ? null : before.Labels.data<long>().ToArray();
            Statistics.Plots.PreprocessingPlot.Write(step.FitOn, fitted.Select(f => f.Kind).ToList(),
                before.Features.contiguous().data<float>().ToArray(), after.contiguous().data<float>().ToArray(), labels, before.Classes,
                Path.Combine(runFolder.Path, "preprocessing.png"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RecordingException($"could not write {ModelExecutor.Display(Path.Combine(runFolder.Path, "preprocessing.png"))}: {RecordingException.Reason(e)}", e);
        }
        catch (InvalidOperationException e)
        {
            throw new RuntimeFailure(e.Message, DiagnosticCatalog.PlotsNotWritten, ["preprocess", e.Message.Split('\n')[0]]);
        }
    }

    bool Plots(TensorDataset fitData) => runFolder is not null && fitData.SampleShape is [2];

    public void Kfold(KfoldStep step)
    {
        TensorDataset source = workspace.Dataset(step.Source);
        if (step.K > source.Count)
            throw new RuntimeFailure($"cannot make {step.K} folds of {source.Count} rows", DiagnosticCatalog.ArgumentRange,
                ["k", "kfold", $"at most {source.Count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} (the rows of `{step.Source}`; every fold holds out at least one)", step.K]);
        Fold[] folds = DatasetSplitter.KFold(source, step.K, step.Stratify, step.Seed);
        // A copy: a later `preprocess` replaces the source's tensors; the folds keep these rows.
        var set = new FoldSet(step.Source, source.WithFeatures(source.Features.clone()), folds);
        workspace.SetFolds(step.Name, set);
        observer.OnEvent(new FoldsReady(step.Name, step.Source, step.K, source.Count,
            folds.Min(f => f.Validation.LongLength), folds.Max(f => f.Validation.LongLength), step.Stratify));
    }

    void Report(string name, TensorDataset data) =>
        observer.OnEvent(new DatasetReady(name, data.Count, "[" + string.Join(", ", data.SampleShape) + "]", data.Classes));
}
