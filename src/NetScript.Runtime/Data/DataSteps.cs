using NetScript.Data;
using NetScript.Language.Diagnostics;
using NetScript.Language.Lowering;
using NetScript.Language.Semantics;
using NetScript.Runtime.Events;
using NetScript.Runtime.Execution;

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
            using TensorDataset raw = data;
            data = raw.WithFeatures(PreprocessingState.Apply(workspace.Transforms, raw.Features));
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
        List<IFittedTransform> fitted = PreprocessingChain.Fit(step.Operations, workspace.Dataset(step.FitOn).Features, step.FitOn);
        foreach (string target in step.Targets)
        {
            TensorDataset data = workspace.Dataset(target);
            workspace.SetDataset(target, data.WithFeatures(PreprocessingState.Apply(fitted, data.Features)));
        }
        foreach (IFittedTransform transform in fitted) workspace.AddTransform(transform);
        runFolder?.WriteText("preprocessing.json", PreprocessingState.Capture(workspace.Transforms).ToJson());
        observer.OnEvent(new PreprocessingFitted(step.FitOn, fitted.Select(f => f.Kind).ToList(), step.Targets));
    }

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
