using System.Diagnostics;
using NetScript.Language.Diagnostics;
using NetScript.Language.Semantics;
using NetScript.Runtime.Execution;
using TorchSharp;

namespace NetScript.Runtime.Search;

/// <summary>Runs one trial in a workspace forked from the session's (shared data, own models):
/// binds its values, seeds libtorch with the trial's seed, runs the statements through the
/// trial's last training and scores it. A trial that fails to bind, throws or diverges comes
/// back failed with its message; only cancellation escapes as an exception. The caller owns
/// the returned workspace (null when the trial failed). Trials train without the run
/// folder's per-training recording (statistics tables, plots, TensorBoard logs): the search
/// records their per-epoch metric itself, and a trial's folder holds only its models'
/// weights.</summary>
public static class TrialRunner
{
    /// <summary>File of a trained model's weights in its trial's folder (TorchSharp's
    /// Module.save format): RUN/trials/0003/m.pt.</summary>
    public static string WeightsFile(string trialFolder, string model) => Path.Combine(trialFolder, model + ".pt");

    /// <summary>Beside a model's weight file, the weights of its loss when the loss has any
    /// (hierarchical softmax's output layer): RUN/trials/0003/m.loss.pt.</summary>
    public static string LossFile(string weightsFile) => Path.ChangeExtension(weightsFile, ".loss.pt");

    /// <summary>A trial's folder name: trials/0003.</summary>
    public static string FolderName(int id) => Path.Combine("trials", id.ToString("0000", System.Globalization.CultureInfo.InvariantCulture));

    public static (TrialResult Result, Workspace? Workspace) Run(TrialSpec trial, SearchStep search, Workspace session, string? folder,
        CancellationToken cancellation, TrialPruner? pruner = null)
    {
        var clock = Stopwatch.StartNew();
        TrialResult Failed(string message, TrialObserver? seen = null) =>
            new(trial, TrialState.Failed, double.NaN, double.NaN, clock.Elapsed.TotalSeconds)
            {
                Message = message,
                Epochs = seen?.Epochs ?? [],
                TrainingSeconds = seen?.TrainingSeconds ?? 0,
            };

        TrialBinding binding = search.Trials.Bind(trial.Values);
        if (binding.Program is not { } program)
            return (Failed(Message(binding.Diagnostics.First(d => d.IsError))), null);

        var observer = new TrialObserver(search.Plan.Metric) { Pruner = pruner };
        Workspace workspace = session.Fork(trial.Seed);
        bool keep = false;
        try
        {
            torch.manual_seed(trial.Seed);
            var executor = new PipelineExecutor(workspace, observer, runFolder: null) { ProgressInterval = TimeSpan.FromSeconds(5) };
            ExecutionResult run = executor.Execute(program.Body, cancellation);
            if (run.Cancelled) throw new OperationCanceledException(cancellation);
            if (run.Failure is { } failure)
                return (observer.PruneMessage is { } pruned
                    ? Failed(pruned, observer) with { State = TrialState.Pruned }
                    : Failed(Message(failure), observer), null);
            TrialScore score = Score(program.Body, observer);
            if (!double.IsFinite(score.Value))
                return (Failed($"diverged: `{search.Plan.Metric}` is {score.Value}", observer), null);
            var models = new Dictionary<string, string>(StringComparer.Ordinal);
            if (folder is not null)
            {
                foreach (var (name, model) in workspace.Models)
                {
                    models[name] = WeightsFile(folder, name);
                    model.Module.save(models[name]);
                    if (model.Loss is { } loss && loss.state_dict().Count > 0) loss.save(LossFile(models[name]));
                }
            }
            keep = true;
            return (new TrialResult(trial, TrialState.Completed, score.Value, score.Std, clock.Elapsed.TotalSeconds)
            {
                FoldScores = score.Folds,
                Epochs = observer.Epochs,
                Models = models,
                TrainingSeconds = observer.TrainingSeconds,
            }, workspace);
        }
        finally
        {
            if (!keep) workspace.Dispose();
        }
    }

    /// <summary>The metric of the body's last training: per fold when it cross-validated.</summary>
    static TrialScore Score(CheckedProgram body, TrialObserver observer)
    {
        TrainStep last = body.Steps.OfType<TrainStep>().Last();
        if (last.Folds is not null)
        {
            var folds = observer.LastCrossValidation?.Results ?? [];
            return TrialScore.OfFolds(folds.Select(f => observer.Read(f.Train, f.Validation)).ToList());
        }
        return observer.LastTraining is { } t ? TrialScore.Single(observer.Read(t.Train, t.Validation)) : TrialScore.Single(double.NaN);
    }

    static string Message(Diagnostic d) => d.ToString();
}
