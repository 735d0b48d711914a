using NetScript.Language.Lowering;
using NetScript.Runtime.Events;
using NetScript.Runtime.Recording;
using NetScript.Runtime.Recording.Checkpoints;

namespace NetScript.Runtime.Training;

/// <summary>The checkpoints of a training run: saving (with what is still intact when a write
/// fails), resuming, and the checks that a checkpoint fits this run.</summary>
internal sealed partial class TrainingSession
{
    void Save(string path, EpochTensors? partial, IRunObserver observer)
    {
        var header = new CheckpointHeader(0, Model.Plan.Name, PlanKey, Model.LossDescription!, OptimizerDescription, Epoch, Step, partial is not null,
            Request.Plan.BatchSize, Samples, Request.Seed, History,
            EarlyStop is { } s ? new EarlyStopState(s.Best, s.BestEpoch, s.EpochsWithoutImprovement) : null,
            Request.Preprocessing, BestModel is not null)
        {
            Schedule = Schedule?.Description,
            Regularization = Request.Plan.Regularization?.ToString(),
            Averaging = Average is null ? null : Request.Plan.Averaging!.ToString(),
        };
        try
        {
            CheckpointFile.Write(path, header, CheckpointState, partial);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RecordingException(CheckpointWriteFailure(path, e), e);
        }
        LastCheckpoint = path;
        _saved = (Epoch, Step);
        observer.OnEvent(new CheckpointSaved(Model.Plan.Name, path, Epoch, Step));
    }

    CheckpointState CheckpointState => new(Module, Loss, Optimizer, Shuffle, BestModel, BestLoss, Average);

    /// <summary>What failed and what is still usable: the previous checkpoint is untouched.</summary>
    string CheckpointWriteFailure(string path, Exception e) =>
        $"could not write the checkpoint {Execution.ModelExecutor.Display(path)}: {RecordingException.Reason(e)}{KeptCheckpoint()}";

    string KeptCheckpoint()
    {
        if (LastGoodCheckpoint is not { } good) return Request.CheckpointDirectory is null ? "" : "; no earlier checkpoint of this run exists";
        string shown = Execution.ModelExecutor.Display(good);
        return $"; {shown} {(_saved is { } at ? $"({Position(at.Epoch, at.Step)}) " : "")}is intact (continue with resume=\"{shown}\")";
    }

    /// <summary>A checkpoint's position as users count: "after epoch 2", "epoch 3, step 40".</summary>
    internal static string Position(int epoch, int step) => step == 0 ? $"after epoch {epoch - 1}" : $"epoch {epoch}, step {step}";

    void Resume(string path)
    {
        if (Directory.Exists(path)) throw new CheckpointException($"the folder holds no checkpoint of `{Model.Plan.Name}` (neither {Model.Plan.Name}/last.ckpt nor last.ckpt)");
        if (!File.Exists(path)) throw new CheckpointException("the file does not exist");
        StaleFiles.Remove(Path.GetDirectoryName(Path.GetFullPath(path))!, depth: 0);
        CheckpointHeader header;
        try
        {
            using var stream = File.OpenRead(path);
            using var reader = new BinaryReader(stream);
            header = CheckpointFile.ReadHeader(reader);
            CheckFits(header);
            UnfreezeAsAt(header.Epoch, header.Step);
            CheckpointRestored restored = CheckpointFile.ReadState(reader, header, CheckpointState);
            _resumed = restored.Partial;
            if (restored.BestModel is { } bestModel) KeepBest(bestModel, restored.BestLoss!);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CheckpointException($"it cannot be read: {RecordingException.Reason(e)}");
        }
        Epoch = header.Epoch;
        Step = header.Step;
        History = header.History;
        ResumedFrom = path;
        _saved = (header.Epoch, header.Step);
        if (EarlyStop is not null && header.EarlyStop is { } stop) EarlyStop.Restore(stop.Best, stop.BestEpoch, stop.EpochsWithoutImprovement);
        Schedule?.Plateau?.Replay(History);
    }

    void CopyBest(string path)
    {
        try
        {
            CheckpointFile.Copy(LastCheckpoint!, path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RecordingException($"could not write the checkpoint {Execution.ModelExecutor.Display(path)}: {RecordingException.Reason(e)}; "
                + $"{Execution.ModelExecutor.Display(LastCheckpoint!)} holds the same epoch", e);
        }
    }

    void CheckFits(CheckpointHeader header)
    {
        TrainPlan settings = Request.Plan;
        if (header.Plan != PlanKey)
            throw new CheckpointException($"it was written for another model ({header.Plan})");
        if (header.Loss != Model.LossDescription)
            throw new CheckpointException($"it was trained with loss `{header.Loss}`, this run uses `{Model.LossDescription}`");
        // The optimizer's state includes its hyperparameters; continuing "exactly" means the same ones.
        if (header.Optimizer != OptimizerDescription)
            throw new CheckpointException($"it was trained with {header.Optimizer}, this run uses {OptimizerDescription}");
        if (header.Schedule != Schedule?.Description)
            throw new CheckpointException($"it was trained with schedule {header.Schedule ?? "none"}, this run uses {Schedule?.Description ?? "none"}");
        if (header.Regularization != Request.Plan.Regularization?.ToString())
            throw new CheckpointException($"it was trained with regularization {header.Regularization ?? "none"}, this run uses {Request.Plan.Regularization?.ToString() ?? "none"}");
        if (header.Averaging != (Average is null ? null : settings.Averaging!.ToString()))
            throw new CheckpointException(header.Averaging is null
                ? $"it holds no weight average, and this run keeps one ({settings.Averaging}); resume a checkpoint of a run with the same `{settings.Averaging}`"
                : $"it was trained with {header.Averaging}, this run uses {settings.Averaging?.ToString() ?? "no weight average"}");
        if (header.InEpoch && (header.BatchSize != settings.BatchSize || header.Samples != Samples))
            throw new CheckpointException($"it stopped inside epoch {header.Epoch} with batch={header.BatchSize} on {header.Samples} samples; resume with the same batch size and data");
        if (header.Step % settings.Accumulate != 0)
            throw new CheckpointException($"it stopped at step {header.Step} of epoch {header.Epoch}, inside an accumulation window of {settings.Accumulate}");
        if (!header.Preprocessing.SameAs(Request.Preprocessing))
            throw new CheckpointException("its preprocessing statistics differ from this run's (the data, the split or the preprocessing changed)");
        // With resume, `epochs` is the total; equal to the epochs done, nothing is left to run.
        int done = header.Epoch - 1;
        if (settings.Epochs < done || settings.Epochs == done && header.InEpoch)
            throw new CheckpointException($"it has run {done} epoch{(done == 1 ? "" : "s")}{(header.InEpoch ? $" and part of epoch {header.Epoch}" : "")}; "
                + $"with resume, `epochs` counts them too (epochs={settings.Epochs} ends before the checkpoint)");
    }
}
