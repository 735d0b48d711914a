using NetScript.Data;
using NetScript.Language.Lowering;
using NetScript.Language.Semantics;
using NetScript.Runtime.Events;
using NetScript.Runtime.Execution;
using NetScript.Runtime.Models;
using NetScript.Runtime.Recording;
using NetScript.Runtime.Training;
using static TorchSharp.torch;

using NetScript.Tests.Runtime.Training;

namespace NetScript.Tests.Runtime.Recording;

/// <summary>Checkpoints, resume and the run folder. The model has every kind of state a
/// checkpoint must carry: batchnorm's running averages, dropout's RNG, momentum buffers,
/// the shuffle generator and an epoch interrupted in the middle.</summary>
[Collection(TorchCollection.Name)]
public sealed class CheckpointTests
{
    const string Script = TrainingLoopTests.Data + """
        model m { dense 32 -> batchnorm -> relu -> dropout 0.2; dense 3 }
        optimizer sgd lr=0.1 momentum=0.9
        train m on train epochs=3 batch=16 validate=val

        """;

    static (List<EpochCompleted> Epochs, float[][] Weights, ExecutionResult Result) Run(string script, RunFolder? folder,
        Action<RunEvent, CancellationTokenSource>? onEvent = null)
    {
        using var cancel = new CancellationTokenSource();
        var observer = new CallbackObserver(e => onEvent?.Invoke(e, cancel));
        using var workspace = new Workspace();
        var result = Pipelines.Execute(script, workspace, observer, cancel.Token, folder, progressInterval: TimeSpan.Zero);
        float[][] weights = workspace.Models.ContainsKey("m") ? TrainingLoopTests.Weights(workspace) : [];
        return (observer.Of<EpochCompleted>().ToList(), weights, result);
    }

    [Fact]
    public void Stopping_mid_epoch_and_resuming_gives_the_uninterrupted_run()
    {
        var straight = Run(Script, null);
        Assert.True(straight.Result.Succeeded);

        // Ctrl-C after the third step of epoch 2: the state is saved where it stopped.
        string runs = Scripts.TempDirectory();
        var first = RunFolder.Create(runs, "resume.nns", Script);
        var stopped = Run(Script, first, (e, cancel) =>
        {
            if (e is TrainingProgress { Epoch: 2, Step: 3 }) cancel.Cancel();
        });
        string checkpoint = Path.Combine(first.Path, "m", "last.ckpt");
        Assert.Equal("NS0702", stopped.Result.Failure?.Id);
        Assert.Equal($"training of `m` was cancelled; its state is saved in {checkpoint} (continue with resume=\"{checkpoint}\")", stopped.Result.Failure!.Message);
        Assert.Equal((straight.Epochs[0].Train, straight.Epochs[0].Validation), (stopped.Epochs.Single().Train, stopped.Epochs.Single().Validation));

        // Resuming (here from the run folder, which names its last checkpoint) finishes epochs 2 and 3 exactly.
        var resumed = Run(Script.Replace("validate=val", $"validate=val resume=\"{first.Path}\""), RunFolder.Create(runs, "resume.nns", Script));
        Assert.True(resumed.Result.Succeeded, resumed.Result.Failure?.Message);
        Assert.Equal(straight.Epochs.Skip(1).Select(e => (e.Epoch, e.Train, e.Validation)), resumed.Epochs.Select(e => (e.Epoch, e.Train, e.Validation)));
        Assert.Equal(straight.Weights, resumed.Weights);
    }

    [Fact]
    public void A_checkpoint_s_weights_read_back_by_name_also_past_127_state_dict_entries()
    {
        // 19 × (dense: 2 entries, batchnorm: 5) + dense = 135 entries: Module.save's count takes two bytes.
        string layers = string.Concat(Enumerable.Repeat("  dense 4 -> batchnorm -> relu\n", 19)) + "  dense 3\n";
        string script = TrainingLoopTests.Data + $"model m {{\n{layers}}}\ntrain m on train epochs=1 batch=16 stats=0\n";
        var folder = RunFolder.Create(Scripts.TempDirectory(), "wide.nns", script);
        using var workspace = new Workspace();
        var result = Pipelines.Execute(script, workspace, new RecordingObserver(), runFolder: folder);
        Assert.True(result.Succeeded, result.Failure?.Message);
        var state = workspace.Models["m"].Module.state_dict();
        Assert.Equal(135, state.Count);
        using var read = NetScript.Runtime.Export.TransferWeights.Read(Path.Combine(folder.Path, "m", "last.ckpt"));
        Assert.Equal(state.Keys.Order(), read.Tensors.Keys.Order());
        foreach (var (name, tensor) in state) Assert.True(tensor.eq(read.Tensors[name]).all().item<bool>(), $"{name} differs");
    }

    [Fact]
    public void Resuming_checks_that_the_checkpoint_fits()
    {
        string runs = Scripts.TempDirectory();
        var folder = RunFolder.Create(runs, "fit.nns", Script);
        Assert.True(Run(Script, folder).Result.Succeeded);
        string checkpoint = Path.Combine(folder.Path, "m", "last.ckpt");

        string Failure(string script)
        {
            var result = Run(script, null).Result;
            Assert.Equal("NS0710", result.Failure?.Id);
            return result.Failure!.Message;
        }
        string resume = $"validate=val resume=\"{checkpoint}\"";
        Assert.Equal($"cannot resume `m` from \"{checkpoint}\": it was written for another model ([2] dense(units=32, bias=true, dropconnect=0) -> batchnorm(eps=1E-05, momentum=0.1, affine=true) -> relu -> dropout(p=0.2) -> dense(units=3, bias=true, dropconnect=0))",
            Failure(Script.Replace("dense 32", "dense 16").Replace("validate=val", resume)));
        Assert.StartsWith($"cannot resume `m` from \"{checkpoint}\": it was trained with sgd(lr=0.1, momentum=0.9,",
            Failure(Script.Replace("momentum=0.9", "momentum=0.5").Replace("validate=val", resume)));
        Assert.Equal($"cannot resume `m` from \"{runs}/none.ckpt\": the file does not exist",
            Failure(Script.Replace("validate=val", $"resume=\"{runs}/none.ckpt\"")));
        // A completed run resumed with more epochs continues from its last epoch.
        var more = Run(Script.Replace("epochs=3", "epochs=4").Replace("validate=val", resume), null);
        Assert.True(more.Result.Succeeded);
        Assert.Equal([4], more.Epochs.Select(e => e.Epoch));
    }

    [Fact]
    public void The_run_folder_holds_checkpoints_metrics_tensorboard_events_and_a_summary()
    {
        string runs = Scripts.TempDirectory();
        string script = Script.Replace("validate=val", "validate=val early_stop(metric=val_acc, patience=5)");
        var folder = RunFolder.Create(runs, "folder.nns", script);
        var run = Run(script, folder);
        Assert.True(run.Result.Succeeded);
        Assert.True(File.Exists(Path.Combine(folder.Path, "m", "last.ckpt")));
        Assert.True(File.Exists(Path.Combine(folder.Path, "m", "best.ckpt")));
        Assert.Empty(Directory.GetFiles(folder.Path, "*.tmp", SearchOption.AllDirectories));

        var epochs = ParquetTableReader.Read(Path.Combine(folder.Path, "m", "epochs.parquet"));
        Assert.Equal([1L, 2L, 3L], (long[])epochs["epoch"]);
        Assert.Equal(run.Epochs.Select(e => e.Train.Loss), ((double[])epochs["loss"]));
        Assert.Equal(run.Epochs.Select(e => e.Validation!.Accuracy), ((double[])epochs["val_accuracy"]));
        Assert.All(((double[])epochs["lr"]), lr => Assert.Equal(0.1, lr, 12));

        // 96 samples in batches of 16: the epoch's loss is the mean of its six steps.
        var steps = ParquetTableReader.Read(Path.Combine(folder.Path, "m", "steps.parquet"));
        Assert.Equal(Enumerable.Range(1, 18).Select(i => (long)i), ((long[])steps["step"]));
        double[] stepLoss = ((double[])steps["loss"]);
        for (int e = 0; e < 3; e++)
            Assert.Equal(run.Epochs[e].Train.Loss, stepLoss.Skip(6 * e).Take(6).Average(), 6);

        // The training log's event file, and the statistics' (same folder, one TensorBoard run).
        string[] events = Directory.GetFiles(Path.Combine(folder.Path, "m"), "events.out.tfevents.*");
        Assert.InRange(events.Length, 1, 2);
        Assert.True(events.Sum(e => new FileInfo(e).Length) > 200);
        string summary = File.ReadAllText(Path.Combine(folder.Path, "summary.json"));
        Assert.Contains("\"EpochsRun\": 3", summary);
        Assert.Contains("last.ckpt", summary);
    }

    [Fact]
    public void A_non_finite_loss_names_its_step_and_keeps_the_last_good_checkpoint()
    {
        // One weight w₀ = 1, one sample x = 1 with target 0, SGD with lr = 10 on MSE: w ← w − 10·2w = −19w,
        // so the loss at epoch e is 361^(e−1): finite (2.3e38) at epoch 16, ∞ in float32 at 17.
        TrainPlan step = EnginePlans.Lowered("dense 1 bias=false\ninit constant 1", Shape.Of(1), targets: Shape.Of(1),
            before: "optimizer sgd lr=10\n", train: "epochs=20 batch=1 loss=mse");
        using var data = new TensorDataset(ones(1, 1), zeros(1, 1), classes: 0);
        using var model = new TrainedModel(step.Network, ModelBuilder.Build(step.Network));
        string directory = Scripts.TempDirectory();
        var request = new TrainRequest(model, "d", data, null, step, Seed: 1) { CheckpointDirectory = directory };
        var failure = Assert.Throws<NonFiniteLossException>(() => Trainer.Train(request, new RecordingObserver(), CancellationToken.None));
        Assert.Equal((17, 1, float.PositiveInfinity), (failure.Epoch, failure.Step, failure.Value));
        Assert.Equal(Path.Combine(directory, "last.ckpt"), failure.LastGoodCheckpoint);

        // The checkpoint is epoch 16's: resumed with epochs=16 there is nothing left to run,
        // and the model holds w = (−19)¹⁶.
        TrainPlan sixteen = EnginePlans.Lowered("dense 1 bias=false\ninit constant 1", Shape.Of(1), targets: Shape.Of(1),
            before: "optimizer sgd lr=10\n", train: "epochs=16 batch=1 loss=mse");
        using var resumedModel = new TrainedModel(step.Network, ModelBuilder.Build(step.Network));
        var observer = new RecordingObserver();
        var resume = request with { Model = resumedModel, Plan = sixteen, CheckpointDirectory = null, ResumeFrom = failure.LastGoodCheckpoint };
        var result = Trainer.Train(resume, observer, CancellationToken.None);
        Assert.Equal(Math.Pow(19, 16), resumedModel.Module.parameters().Single().item<float>(), 1e-6 * Math.Pow(19, 16));
        Assert.Empty(observer.Of<EpochCompleted>());
        Assert.Equal((16, Math.Pow(361, 15)), (result.EpochsRun, result.Train.Loss), new LossComparer());

        // Resumed with epochs=20, it overflows again at epoch 17: the message names the checkpoint it resumed from.
        using var againModel = new TrainedModel(step.Network, ModelBuilder.Build(step.Network));
        var again = request with { Model = againModel, CheckpointDirectory = null, ResumeFrom = failure.LastGoodCheckpoint };
        var second = Assert.Throws<NonFiniteLossException>(() => Trainer.Train(again, new RecordingObserver(), CancellationToken.None));
        Assert.Equal((17, failure.LastGoodCheckpoint), (second.Epoch, second.LastGoodCheckpoint));
    }

    sealed class LossComparer : IEqualityComparer<(int, double)>
    {
        public bool Equals((int, double) x, (int, double) y) => x.Item1 == y.Item1 && Math.Abs(x.Item2 / y.Item2 - 1) < 1e-5;

        public int GetHashCode((int, double) obj) => obj.Item1;
    }

    internal sealed class CallbackObserver(Action<RunEvent> callback) : IRunObserver
    {
        readonly RecordingObserver _recorded = new();

        public void OnEvent(RunEvent e)
        {
            _recorded.OnEvent(e);
            callback(e);
        }

        public IEnumerable<T> Of<T>() where T : RunEvent => _recorded.Of<T>();
    }
}
