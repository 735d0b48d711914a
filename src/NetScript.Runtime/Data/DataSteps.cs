using NetScript.Data;
using NetScript.Language.Semantics;
using NetScript.Runtime.Events;
using NetScript.Runtime.Execution;

namespace NetScript.Runtime.Data;

/// <summary>The data statements of a pipeline: load, split and preprocess. Preprocessing is
/// fitted on the fit split only and then applied, never refitted, to every other dataset —
/// including ones loaded later — so validation statistics cannot leak into training.</summary>
internal sealed class DataSteps(Workspace workspace, IRunObserver observer, RunFolder? runFolder)
{
    public void Load(LoadStep step, CancellationToken cancellation)
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

    public void Preprocess(PreprocessStep step)
    {
        var fitted = new List<IFittedTransform>();
        try
        {
            // Each step is fitted on the fit split as transformed by the steps before it.
            TensorDataset fit = workspace.Dataset(step.FitOn);
            var features = fit.Features;
            foreach (PreprocessOperation operation in step.Operations)
            {
                IFittedTransform transform = PreprocessingFactory.Fit(operation, features, step.FitOn);
                fitted.Add(transform);
                var next = transform.Apply(features);
                if (!ReferenceEquals(features, fit.Features)) features.Dispose();
                features = next;
            }
            if (!ReferenceEquals(features, fit.Features)) features.Dispose();
        }
        catch
        {
            foreach (IFittedTransform transform in fitted) transform.Dispose();
            throw;
        }

        foreach (string target in step.Targets)
        {
            TensorDataset data = workspace.Dataset(target);
            workspace.SetDataset(target, data.WithFeatures(PreprocessingState.Apply(fitted, data.Features)));
        }
        foreach (IFittedTransform transform in fitted) workspace.AddTransform(transform);
        runFolder?.WriteText("preprocessing.json", PreprocessingState.Capture(workspace.Transforms).ToJson());
        observer.OnEvent(new PreprocessingFitted(step.FitOn, fitted.Select(f => f.Kind).ToList(), step.Targets));
    }

    void Report(string name, TensorDataset data) =>
        observer.OnEvent(new DatasetReady(name, data.Count, "[" + string.Join(", ", data.SampleShape) + "]", data.Classes));
}
