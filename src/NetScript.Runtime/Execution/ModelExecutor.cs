using NetScript.Data;
using NetScript.Language.Diagnostics;
using NetScript.Language.Lowering;
using NetScript.Runtime.Ensembles;
using NetScript.Runtime.Events;
using TorchSharp;
using NetScript.Runtime.Models;
using NetScript.Runtime.Recording;
using NetScript.Runtime.Recording.Checkpoints;
using NetScript.Runtime.Snippets;
using NetScript.Runtime.Training;
using NetScript.Runtime.Training.Losses;
using NetScript.Scripting;

namespace NetScript.Runtime.Execution;

/// <summary>Runs the model, train and evaluate steps of a pipeline: builds modules when a
/// model first meets data, gives each training run a folder of the run folder (RUN/mlp,
/// then RUN/mlp-2 when trained again) for its checkpoints, metrics and TensorBoard log, and
/// records the results in the run summary.</summary>
internal sealed class ModelExecutor(Workspace workspace, IRunObserver observer, RunFolder? runFolder)
{
    public RunSummary Summary { get; } = new();

    public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Lets an interactive host pause training between steps.</summary>
    public RunControl? Control { get; set; }

    public void Define(DeclareModelPlan step) =>
        workspace.RemoveModel(step.Name); // built when it first meets data (its input shape is known then)

    public void Train(TrainPlan step, CancellationToken cancellation)
    {
        if (step.Folds is { } folds)
        {
            new CrossValidator(workspace, observer, runFolder, this).Run(step, folds, cancellation);
            return;
        }
        if (!workspace.Models.TryGetValue(step.Model, out var model))
        {
            model = new TrainedModel(step.Network, ModelBuilder.Build(step.Network, workspace.Snippets));
            workspace.SetModel(step.Model, model);
        }
        workspace.RemoveEnsemble(step.Model); // training the name again trains the model, not its ensemble
        if (step.FineTuning is { } fine)
        {
            // After `transfer … replace=`: the replaced layer starts afresh, sized for this data.
            if (fine is { ReplacePending: true, Replace: { } replaced })
            {
                model = new TrainedModel(step.Network, FineTuner.Replace(model.Module, step.Network, replaced, workspace.Snippets));
                workspace.SetModel(step.Model, model);
            }
            FineTuner.Freeze(model.Module, fine.Frozen, fine.FreezeBatchNorm);
        }
        TensorDataset data = workspace.Dataset(step.Data);
        TensorDataset? validation = step.Validate is { } v ? workspace.Dataset(v) : null;
        string? folder = runFolder is null ? null : ModelFolder(runFolder.Path, step.Model);
        string? resume = step.Resume is { } r ? ResolveResume(r, step.Model) : null;
        var result = Run(step, model, step.Data, data, validation, folder, workspace.Seed, workspace.Transforms, resume, cancellation);
        workspace.SetEpochWeights(step.Model, result.EpochWeights);
    }

    /// <summary>One training run of <paramref name="model"/> (the session's model, or a fold's
    /// copy): its request, statistics recorder, errors and entry in the run summary.</summary>
    internal TrainingResult Run(TrainPlan step, TrainedModel model, string dataName, TensorDataset data, TensorDataset? validation,
        string? folder, long seed, IReadOnlyList<IFittedTransform> preprocessing, string? resume, CancellationToken cancellation)
    {
        string name = folder is null ? model.Plan.Name : Path.GetFileName(folder);
        var request = new TrainRequest(model, dataName, data, validation, step, seed)
        {
            CheckpointDirectory = step.Checkpoint ? folder : null,
            LogDirectory = folder,
            ResumeFrom = resume,
            Preprocessing = PreprocessingState.Capture(preprocessing),
            ProgressInterval = ProgressInterval,
            Control = Control,
            Snippets = workspace.Snippets,
            Metrics = [.. step.Metrics.Select(m => SnippetMetric.Create(workspace.Snippets, m))],
        };
        var started = DateTime.UtcNow;
        TrainingResult result;
        // Statistics tables, their TensorBoard log and plots go to the same folder (Recording/StatisticsRecorder).
        using var recorder = folder is null ? null : StatisticsRecorder.Start(folder, model.Plan.Name, observer);
        try
        {
            result = Trainer.Train(request, recorder ?? observer, cancellation);
        }
        catch (CheckpointException e)
        {
            throw new RuntimeFailure(e.Message, DiagnosticCatalog.ResumeFailed, [step.Model, resume is null ? step.Resume : Display(resume), e.Message]);
        }
        catch (SnippetException e) when (request.CheckpointDirectory is { } directory && File.Exists(Path.Combine(directory, "last.ckpt")))
        {
            // The run stops at the snippet's line; what it saved before stays usable.
            string kept = Display(Path.Combine(directory, "last.ckpt"));
            throw new SnippetException(e.Diagnostic with { Message = $"{e.Diagnostic.Message}; the last checkpoint is {kept} (continue with resume=\"{kept}\")" }, e);
        }
        Summary.Training[name] = new RunSummary.TrainingSummary(dataName, step.Epochs, result.Train, result.Validation,
            (DateTime.UtcNow - started).TotalSeconds)
        {
            EpochsRun = result.EpochsRun,
            BestEpoch = result.BestEpoch,
            Checkpoint = result.Checkpoint,
        };
        recorder?.Finish(model.Module, data);
        return result;
    }

    /// <summary>Trains one member per seed as the model's last training did, each in its own
    /// folder of the run folder (RUN/NAME-seedN: checkpoints, metrics), and keeps them as one model.</summary>
    public void Ensemble(EnsemblePlan step, CancellationToken cancellation)
    {
        TensorDataset data = workspace.Dataset(step.Train.Data);
        if (step.Top is { } top)
        {
            workspace.SetEnsemble(step.Name, new TrainedEnsemble(TopTrials(top, data.Classes), step.Average));
            return;
        }
        if (step.Snapshots is { } snapshots)
        {
            workspace.SetEnsemble(step.Name, new TrainedEnsemble(Snapshots(step.Train, snapshots, data.Classes), step.Average));
            return;
        }
        TensorDataset? validation = step.Train.Validate is { } v ? workspace.Dataset(v) : null;
        TrainPlan train = step.Train with { Resume = null, Checkpoint = step.Train.Checkpoint || runFolder is not null, KeepEpochs = null };
        var members = Members(added =>
        {
            foreach (long seed in step.Seeds)
            {
                torch.manual_seed(seed); // the member's initial weights
                var model = new TrainedModel(train.Network, ModelBuilder.Build(train.Network, workspace.Snippets));
                added.Add(new TrainedEnsemble.Member($"seed {seed}", model));
                string? folder = runFolder is null ? null : ModelFolder(runFolder.Path, $"{step.Name}-seed{seed}");
                Run(train, model, train.Data, data, validation, folder, seed, workspace.Transforms, null, cancellation);
            }
        });
        workspace.SetEnsemble(step.Name, new TrainedEnsemble(members, step.Average));
    }

    /// <summary>The last <paramref name="count"/> epochs' weights that the model's last training
    /// kept (fewer when early stopping ended it sooner), each in a fresh copy of the model.</summary>
    List<TrainedEnsemble.Member> Snapshots(TrainPlan train, int count, int classes)
    {
        if (!workspace.EpochWeights.TryGetValue(train.Model, out var kept) || kept.Count == 0)
            throw new RuntimeFailure($"`ensemble {train.Model} snapshots={count}` needs the weights `{train.Model}`'s last training keeps of its last epochs, and none were kept");
        return Members(members =>
        {
            foreach (var weights in kept.TakeLast(count))
            {
                var model = new TrainedModel(train.Network, ModelBuilder.Build(train.Network, workspace.Snippets));
                members.Add(new TrainedEnsemble.Member($"epoch {weights.Epoch}", model));
                model.UseLoss(LossFactory.Create(train.Loss, train.Network.Output, classes, workspace.Snippets), train.Loss.ToString());
                weights.Model.RestoreInto(model.Module);
                weights.Loss.RestoreInto(model.Loss!);
            }
        });
    }

    /// <summary>The model as the best completed trials of the session's last search trained it
    /// (at most <see cref="TopTrialsPlan.Count"/>: failed and pruned trials keep no weights),
    /// each built from its own trial's network and loaded from the trial's weight file.</summary>
    List<TrainedEnsemble.Member> TopTrials(TopTrialsPlan top, int classes)
    {
        var trials = workspace.SearchTrials.Where(t => t.State == Search.TrialState.Completed).Take(top.Count).ToList();
        if (trials.Count == 0) throw new RuntimeFailure($"`ensemble {top.Model} top={top.Count}` needs a search's completed trials, and this session has none");
        return Members(members =>
        {
            foreach (var trial in trials)
            {
                RuntimeFailure Missing(string why) =>
                    new($"trial {trial.Id}: {why}", DiagnosticCatalog.EnsembleMemberMissing, [top.Model, top.Count, trial.Id, why]);
                if (!trial.Models.TryGetValue(top.Model, out string? file))
                    throw Missing(trial.Models.Count == 0
                        ? "the search wrote no weight files (they are written to the run folder, and this run has none)"
                        : $"the trial's weight files in {Display(Path.GetDirectoryName(trial.Models.Values.First())!)} hold no `{top.Model}`");
                if (!File.Exists(file)) throw Missing($"its weight file {Display(file)} is missing");
                var (train, problem) = top.Training(trial.Trial.Values);
                if (train is null) throw Missing($"its values no longer give a training of `{top.Model}`: {problem}");
                var model = new TrainedModel(train.Network, ModelBuilder.Build(train.Network, workspace.Snippets));
                members.Add(new TrainedEnsemble.Member($"trial {trial.Id}", model));
                model.UseLoss(LossFactory.Create(train.Loss, train.Network.Output, classes, workspace.Snippets), train.Loss.ToString());
                string lossFile = Search.TrialRunner.LossFile(file);
                if (model.Loss!.state_dict().Count > 0 && !File.Exists(lossFile))
                    throw Missing($"its loss's weight file {Display(lossFile)} is missing");
                try
                {
                    model.Module.load(file);
                    if (model.Loss.state_dict().Count > 0) model.Loss.load(lossFile);
                }
                catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException or System.Runtime.InteropServices.ExternalException)
                {
                    throw Missing($"its weight file {Display(file)} does not fit the trial's `{top.Model}`: {e.Message.Split('\n')[0].Trim()}");
                }
            }
        });
    }

    /// <summary>The members <paramref name="add"/> builds, each added as soon as its model exists
    /// (before it is trained or loaded): when building fails, the ones added so far are disposed.</summary>
    internal static List<TrainedEnsemble.Member> Members(Action<List<TrainedEnsemble.Member>> add)
    {
        var members = new List<TrainedEnsemble.Member>();
        try
        {
            add(members);
            return members;
        }
        catch
        {
            foreach (var member in members) member.Model.Dispose();
            throw;
        }
    }

    public void Evaluate(EvaluatePlan step)
    {
        if (workspace.Ensembles.TryGetValue(step.Model, out var ensemble))
        {
            EvaluateEnsemble(step, ensemble);
            return;
        }
        TrainedModel model = workspace.Models.TryGetValue(step.Model, out var m)
            ? m
            : throw new RuntimeFailure($"model `{step.Model}` has not been trained in this session");
        TensorDataset data = workspace.Dataset(step.Data);
        FiniteMetrics.EnsureRows(data, step.Data, "evaluated on");
        // The loss the model trained with (it may own parameters, e.g. hierarchical softmax).
        LossFunction loss = model.Loss ?? throw new RuntimeFailure($"model `{step.Model}` has not been trained in this session");
        Metrics metrics = Evaluator.Evaluate(model.Module, loss, data, step.BatchSize, step.TopK,
            [.. step.Metrics.Select(m => SnippetMetric.Create(workspace.Snippets, m))]);
        FiniteMetrics.Ensure(metrics, loss.DecisionsPerSample > 0, step.Model, $"on `{step.Data}`");
        Summary.Evaluations.Add(new RunSummary.EvaluationSummary(step.Model, step.Data, metrics, data.Count));
        observer.OnEvent(new EvaluationCompleted(step.Model, step.Data, metrics, data.Count) { TopK = step.TopK });
    }

    void EvaluateEnsemble(EvaluatePlan step, TrainedEnsemble ensemble)
    {
        TensorDataset data = workspace.Dataset(step.Data);
        FiniteMetrics.EnsureRows(data, step.Data, "evaluated on");
        var accuracies = new List<(string Member, double Accuracy)>();
        var scores = new List<torch.Tensor>();
        using var scope = torch.NewDisposeScope();
        foreach (var member in ensemble.Members)
        {
            LossFunction loss = member.Model.Loss ?? throw new RuntimeFailure($"a member of ensemble `{step.Model}` has not been trained");
            var (metrics, memberScores) = Evaluator.EvaluateWithScores(member.Model.Module, loss, data, step.BatchSize, step.TopK);
            FiniteMetrics.Ensure(metrics, loss.DecisionsPerSample > 0, $"{step.Model} ({member.Label})", $"on `{step.Data}`");
            accuracies.Add((member.Label, metrics.Accuracy));
            scores.Add(memberScores
                ?? throw new RuntimeFailure($"ensemble `{step.Model}` averages class scores, and its model's loss gives none (an ensemble needs a classification loss)"));
        }
        using var combined = EnsembleAverager.Combine(scores, ensemble.Average);
        double accuracy = combined.argmax(1).eq(data.Labels).to_type(torch.ScalarType.Float64).mean().item<double>();
        double mean = accuracies.Average(a => a.Accuracy);
        observer.OnEvent(new EnsembleEvaluated(step.Model, step.Data, ensemble.Average.ToString().ToLowerInvariant(), accuracies, mean, accuracy, data.Count));
    }

    /// <summary>`lr_find`: the range test on the session's model (built now when it has not met
    /// data yet: a later `train` starts from exactly these weights), which it leaves unchanged.
    /// A transferred model whose head is still to be replaced is tested with a replaced copy,
    /// as its next `train` will train it; the random state is restored afterwards, so that
    /// `train` (its new head, its dropout) draws as if the test had not run.</summary>
    public void FindLearningRate(LrFindPlan step, CancellationToken cancellation)
    {
        if (!workspace.Models.TryGetValue(step.Model, out var model))
        {
            model = new TrainedModel(step.Train.Network, ModelBuilder.Build(step.Train.Network, workspace.Snippets));
            workspace.SetModel(step.Model, model);
        }
        TensorDataset data = workspace.Dataset(step.Data);
        FiniteMetrics.EnsureRows(data, step.Data, "trained on");
        LrFind.LrFindResult result;
        using (torch.Tensor random = torch.get_rng_state())
        {
            TrainedModel? replaced = null;
            try
            {
                if (step.Train.FineTuning is { ReplacePending: true, Replace: { } head })
                    replaced = new TrainedModel(step.Train.Network, FineTuner.Replace(model.Module, step.Train.Network, head, workspace.Snippets));
                result = LrFind.LearningRateFinder.Run(step, replaced ?? model, data, workspace.Seed, workspace.Snippets, cancellation);
            }
            finally
            {
                replaced?.Dispose();
                torch.set_rng_state(random);
            }
        }
        string? plot = runFolder is null ? null : Display(LrFind.LrFindFiles.Write(runFolder, step.Model, step.Data, result));
        double? pretrained = result.Groups.FirstOrDefault(g => g.Factor != 1)?.Factor;
        observer.OnEvent(new LrFindCompleted(step.Model, step.Data, result.Suggested, result.Minimum, result.DivergedAt, result.Rates.Length, result.Planned)
        {
            Rule = result.Rule,
            PretrainedFactor = pretrained,
            Plot = plot,
        });
    }

    /// <summary>The first free folder for a training run of <paramref name="model"/>.</summary>
    internal static string ModelFolder(string run, string model) => Path.Combine(run, NewFolder.Claim(run, model));

    /// <summary>`resume=` names a checkpoint file, a training run's folder, or a run folder
    /// (then the model's first training run in it).</summary>
    static string ResolveResume(string path, string model)
    {
        if (!Directory.Exists(path)) return path;
        string inRun = Path.Combine(path, model, "last.ckpt"), inTraining = Path.Combine(path, "last.ckpt");
        return File.Exists(inRun) ? inRun : File.Exists(inTraining) ? inTraining : path; // a folder without one: the session says so
    }

    /// <summary>A path as the user would type it: relative to the current directory when inside it.</summary>
    internal static string Display(string path)
    {
        string relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative;
    }
}
