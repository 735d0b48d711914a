using NetScript.Data;
using NetScript.Language.Diagnostics;
using NetScript.Language.Lowering;
using NetScript.Runtime.Data;
using NetScript.Runtime.Events;
using NetScript.Runtime.Models;
using NetScript.Runtime.Recording;
using TorchSharp;
using static TorchSharp.torch;

namespace NetScript.Runtime.Execution;

/// <summary>`train MODEL on FOLDS`: k-fold cross-validation as scikit-learn's cross_validate
/// does it. Fold i trains a fresh copy of the model (initialised, shuffled and regularized
/// with its own seed, derived from the session seed) on every other fold and validates it on
/// fold i; preprocessing that came after `kfold` is fitted on fold i's training part only.
/// Each fold is an ordinary training run in its own folder (RUN/mlp-fold1 …) with early
/// stopping, schedules and checkpoints; the results go to RUN/folds.parquet and summary.json.
/// The session's model is left as it was, and so is libtorch's global random state, so the
/// statements after a cross-validation run as they would without it.</summary>
internal sealed class CrossValidator(Workspace workspace, IRunObserver observer, RunFolder? runFolder, ModelExecutor models)
{
    public void Run(TrainPlan step, CrossValidationPlan cv, CancellationToken cancellation)
    {
        FoldSet set = workspace.FoldSet(cv.Folds);
        string name = runFolder is null ? step.Model : FreeName(runFolder.Path, step.Model);
        var results = new List<FoldResult>();
        var summary = new RunSummary.CrossValidationSummary(name, cv.Folds, cv.Source, cv.K, results);
        models.Summary.CrossValidation[name] = summary;
        using Tensor random = torch.get_rng_state();
        try
        {
            for (int i = 1; i <= cv.K; i++)
            {
                cancellation.ThrowIfCancellationRequested();
                FoldResult result = RunFold(step, cv, set, name, i, cancellation);
                results.Add(result);
                if (runFolder is not null) FoldsTable.Append(runFolder, name, result);
                observer.OnEvent(new FoldCompleted(name, cv.K, result));
            }
        }
        catch (OperationCanceledException)
        {
            string kept = runFolder is null || results.Count == 0 ? ""
                : $"; the {results.Count} finished fold{(results.Count == 1 ? " is" : "s are")} in {ModelExecutor.Display(Path.Combine(runFolder.Path, FoldsTable.File))}";
            throw new RuntimeFailure("cancelled", DiagnosticCatalog.Cancelled,
                [$"cross-validation of `{step.Model}`", $" in fold {results.Count + 1} of {cv.K}{kept}"]);
        }
        finally
        {
            torch.set_rng_state(random);
        }
        observer.OnEvent(new CrossValidationCompleted(name, cv.Folds, results, summary.ValidationLoss, summary.ValidationAccuracy));
    }

    FoldResult RunFold(TrainPlan step, CrossValidationPlan cv, FoldSet set, string name, int i, CancellationToken cancellation)
    {
        Fold fold = set.Folds[i - 1];
        long seed = FoldSeed(workspace.Seed, i);
        string foldName = FoldCompleted.FoldRun(name, i);
        string? folder = runFolder is null ? null : Path.Combine(runFolder.Path, foldName);
        if (folder is not null) Directory.CreateDirectory(folder);

        TensorDataset train = set.Data.Select(fold.Train), validation = set.Data.Select(fold.Validation);
        List<IFittedTransform> transforms = [];
        try
        {
            transforms = PreprocessingChain.Fit(cv.Refit, train.Features, $"{cv.Folds} fold {i} (training part)");
            if (transforms.Count > 0)
            {
                train = Preprocessed(train, transforms);
                validation = Preprocessed(validation, transforms);
                runFolder?.WriteText(Path.Combine(foldName, "preprocessing.json"), PreprocessingState.Capture(transforms).ToJson());
            }
            // The copy's weights come from the global generator, which the fold's seed fixes.
            torch.manual_seed(seed);
            ModelSpec plan = step.Network with { Name = foldName };
            using var model = new TrainedModel(plan, ModelBuilder.Build(plan, workspace.Snippets));
            var result = models.Run(step, model, $"{cv.Folds} {i}/{cv.K}", train, validation, folder, seed, transforms, resume: null, cancellation);
            return new FoldResult(i, seed, train.Count, validation.Count, result.Train, result.Validation!, result.EpochsRun, result.BestEpoch);
        }
        finally
        {
            foreach (IFittedTransform transform in transforms) transform.Dispose();
            train.Dispose();
            validation.Dispose();
        }
    }

    /// <summary>The rows of <paramref name="data"/> (disposed) with the fold's fitted preprocessing applied.</summary>
    static TensorDataset Preprocessed(TensorDataset data, IReadOnlyList<IFittedTransform> transforms)
    {
        Tensor features = PreprocessingState.ApplyInPlace(transforms, data.Features);
        if (ReferenceEquals(features, data.Features)) return data;
        using (data) return data.WithFeatures(features);
    }

    /// <summary>Fold <paramref name="fold"/>'s seed: the fold-th number of SplitMix64 seeded with
    /// the session seed, kept non-negative (recorded in folds.parquet and the fold's checkpoints).</summary>
    public static long FoldSeed(long seed, int fold)
    {
        var random = new SeededRandom(seed);
        ulong value = 0;
        for (int i = 0; i < fold; i++) value = random.NextUInt64();
        return (long)(value & long.MaxValue);
    }

    /// <summary>The cross-validation's name in the run folder: the model's, or model-2, … when
    /// the run already cross-validated it; its folds go to NAME-fold1 ….</summary>
    static string FreeName(string run, string model) =>
        NewFolder.Claim(run, model, FoldCompleted.FoldRun("", 1)); // claims NAME-fold1
}
