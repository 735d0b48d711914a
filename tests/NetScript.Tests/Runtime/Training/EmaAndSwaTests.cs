using NetScript.Language.Lowering;
using NetScript.Runtime.Events;
using NetScript.Runtime.Execution;
using NetScript.Runtime.Models.Layers;
using NetScript.Runtime.Training;
using Parameter = TorchSharp.Modules.Parameter;
using TensorDataset = NetScript.Data.TensorDataset;
using static TorchSharp.torch;

using NetScript.Tests.Runtime.Recording;

namespace NetScript.Tests.Runtime.Training;

/// <summary>`train … ema=` and `swa=`: the averages against hand-computed values, batchnorm
/// statistics recomputed for them against the data's own mean and variance, and a trained SWA
/// model equal to the mean of the weights two plain trainings end with.</summary>
[Collection(TorchCollection.Name)]
public sealed class EmaAndSwaTests
{
    static Parameter Weights(params float[] values) => new(tensor(values));

    static void Set(Parameter p, params float[] values)
    {
        using var noGrad = no_grad();
        using var t = tensor(values);
        p.copy_(t);
    }

    [Fact]
    public void An_ema_is_decay_times_itself_plus_the_rest_times_the_weights_after_each_update()
    {
        var p = Weights(1, 2);
        using var average = WeightAverage.Create(new WeightAveragingSpec(0.9, null, true), 3, [p])!;
        Set(p, 3, 5);
        average.AfterUpdate(); // 0.9·1 + 0.1·3 = 1.2, 0.9·2 + 0.1·5 = 2.3
        Set(p, 7, 9);
        average.AfterUpdate(); // 0.9·1.2 + 0.1·7 = 1.78, 0.9·2.3 + 0.1·9 = 2.97
        float[] inside = average.With(() => p.data<float>().ToArray());
        Assert.Equal(1.78, inside[0], 5);
        Assert.Equal(2.97, inside[1], 5);
        Assert.Equal([7f, 9f], p.data<float>().ToArray()); // the training's weights are back
        average.CopyIntoModel();
        Assert.Equal(1.78, p.data<float>()[0], 5);
    }

    [Fact]
    public void An_ema_with_warmup_uses_decay_min_of_d_and_one_plus_t_over_ten_plus_t()
    {
        // D = 0.9; the updates after t = 0, 1, 2 earlier ones decay by 1/10, 2/11, 3/12.
        var p = Weights(1);
        using var average = WeightAverage.Create(new WeightAveragingSpec(0.9, null, true) { Warmup = true }, 3, [p])!;
        Set(p, 2);
        average.AfterUpdate(); // 0.1·1 + 0.9·2 = 1.9
        Assert.Equal(1.9, average.With(() => p.data<float>()[0]), 5);
        Set(p, 3);
        average.AfterUpdate(); // (2/11)·1.9 + (9/11)·3 = 3.8/11 + 27/11 = 2.8
        Assert.Equal(2.8, average.With(() => p.data<float>()[0]), 5);
        Set(p, 4);
        average.AfterUpdate(); // 0.25·2.8 + 0.75·4 = 3.7
        average.CopyIntoModel();
        Assert.Equal(3.7, p.data<float>()[0], 5);

        // Once (1 + t)/(10 + t) passes D the decay is D: with D = 0.15 the second update uses 0.15, not 2/11.
        var q = Weights(1);
        using var capped = WeightAverage.Create(new WeightAveragingSpec(0.15, null, true) { Warmup = true }, 3, [q])!;
        Set(q, 2);
        capped.AfterUpdate(); // 0.1·1 + 0.9·2 = 1.9
        Set(q, 3);
        capped.AfterUpdate(); // 0.15·1.9 + 0.85·3 = 2.835
        Assert.Equal(2.835, capped.With(() => q.data<float>()[0]), 5);
    }

    [Fact]
    public void Swa_is_the_equal_average_of_the_last_epochs_end_weights()
    {
        var p = Weights(0);
        using var average = WeightAverage.Create(new WeightAveragingSpec(null, 3, true), 5, [p])!;
        float[] ends = [1, 2, 4, 8, 16];
        for (int epoch = 1; epoch <= 5; epoch++)
        {
            Set(p, ends[epoch - 1]);
            average.AfterUpdate(); // no effect on SWA
            average.AfterEpoch(epoch);
            Assert.Equal(epoch >= 3, average.HasAverage);
        }
        Assert.Equal(28.0 / 3, average.With(() => p.data<float>()[0]), 5); // (4 + 8 + 16) / 3
        Assert.Equal(16f, p.data<float>()[0]);
    }

    [Fact]
    public void Recomputed_batchnorm_statistics_average_each_batch_s_mean_and_unbiased_variance()
    {
        // Two features over 6 rows; batches of 3: rows 0-2 and 3-5.
        float[] x = [1, 10, 2, 20, 6, 60, 0, 0, 4, 8, 2, 4];
        using var data = TensorDataset.FromArrays(x, [2], [0, 1, 0, 1, 0, 1], 2);
        using var norm = new BatchNormalization(2, 1e-5, 0.1, affine: true, images: false);
        norm.eval();
        Assert.True(BatchNormStatistics.Recompute(norm, data, 3));
        // Feature 0: batch means 3 and 2, unbiased variances ((4+1+9)/2 = 7) and ((4+4+0)/2 = 4).
        // Feature 1: batch means 30 and 4, variances ((400+100+900)/2 = 700) and ((16+16+0)/2 = 16).
        Assert.Equal([2.5f, 17f], norm.running_mean!.data<float>().ToArray());
        Assert.Equal([5.5f, 358f], norm.running_var!.data<float>().ToArray());
        Assert.Equal(0.1, norm.momentum); // the layer's own momentum is back
        Assert.False(norm.training);

        // One batch of all rows: the data's mean and unbiased variance.
        Assert.True(BatchNormStatistics.Recompute(norm, data, 6));
        Assert.Equal(2.5, norm.running_mean!.data<float>()[0], 5);
        // Deviations −1.5, −0.5, 3.5, −2.5, 1.5, −0.5: squares sum to 23.5, over n − 1 = 5.
        Assert.Equal(23.5 / 5, norm.running_var!.data<float>()[0], 4);
    }

    const string Prefix = """
        seed 3
        threads 1
        load dataset "spiral" classes=3 points=40 noise=0.2 as data
        split data into train=0.75 val=0.25 stratify
        model mlp { dense 8 -> relu; dense 3 }
        optimizer sgd lr=0.5

        """;

    static float[] TrainedWeights(string train, RecordingObserver? observer = null)
    {
        using var workspace = new Workspace();
        var result = Pipelines.Execute(Prefix + train + "\n", workspace, observer ?? new RecordingObserver());
        Assert.True(result.Succeeded, result.Failure?.Message);
        return [.. workspace.Models["mlp"].Module.parameters().SelectMany(p => p.data<float>().ToArray())];
    }

    /// <summary>Trains 4 epochs straight through, then the same training stopped (Ctrl-C) at
    /// step 3 of epoch <paramref name="stopIn"/> and resumed from its checkpoint: both must end
    /// with the same (averaged) weights.</summary>
    static (float[] Straight, float[] Resumed, string Checkpoint) StraightAndResumed(string averaging, int stopIn)
    {
        string train = $"train mlp on train epochs=4 batch=8 stats=0 {averaging}";
        float[] straight = TrainedWeights(train);
        var folder = NetScript.Runtime.Recording.RunFolder.Create(Scripts.TempDirectory(), "resume.nns", "");
        using (var cancel = new CancellationTokenSource())
        using (var stopped = new Workspace())
        {
            var observer = new NetScript.Tests.Runtime.Recording.CheckpointTests.CallbackObserver(e =>
            {
                if (e is TrainingProgress { Step: 3 } p && p.Epoch == stopIn) cancel.Cancel();
            });
            var run = Pipelines.Execute(Prefix + train + "\n", stopped, observer, cancel.Token, folder, TimeSpan.Zero);
            Assert.Equal("NS0702", run.Failure?.Id);
        }
        string checkpoint = Path.Combine(folder.Path, "mlp", "last.ckpt");
        float[] resumed = TrainedWeights(train + $" resume=\"{checkpoint}\"");
        return (straight, resumed, checkpoint);
    }

    [Fact]
    public void A_resumed_training_continues_its_ema_or_swa_exactly()
    {
        // EMA with warmup: the average and its update count come back (the warmup's decay depends on it).
        var (straight, resumed, checkpoint) = StraightAndResumed("ema=0.9 ema_warmup=true", 2);
        Assert.Equal(straight, resumed);
        // SWA stopped inside its window (epochs 3 and 4 are averaged; the checkpoint holds epoch 3's).
        var swa = StraightAndResumed("swa=2", 4);
        Assert.Equal(swa.Straight, swa.Resumed);
        Assert.NotEqual(straight, swa.Straight);

        // Another average is not continued.
        using var other = new Workspace();
        var refused = Pipelines.Execute(Prefix + $"train mlp on train epochs=4 batch=8 stats=0 ema=0.8 resume=\"{checkpoint}\"\n", other);
        Assert.Equal("NS0710", refused.Failure?.Id);
        Assert.Contains("it was trained with ema=0.9 ema_warmup=true, this run uses ema=0.8", refused.Failure!.Message);
        using var plain = new Workspace();
        var noAverage = Pipelines.Execute(Prefix + $"train mlp on train epochs=4 batch=8 stats=0 resume=\"{checkpoint}\"\n", plain);
        Assert.Equal("NS0710", noAverage.Failure?.Id);
        Assert.Contains("this run uses no weight average", noAverage.Failure!.Message);
    }

    [Fact]
    public void With_an_ema_restore_best_and_a_snapshot_ensemble_keep_the_averaged_weights_validation_measured()
    {
        // Only epoch 1 improves by min_delta=100: restore_best puts back epoch 1's weights. The
        // snapshot ensemble keeps epochs 3 and 4. Each, measured again, gives its epoch's validation.
        const string script = Prefix + """
            train mlp on train epochs=4 batch=8 stats=0 checkpoint=false ema=0.5 validate=val early_stop(metric=val_loss, patience=10, min_delta=100)
            ensemble mlp snapshots=2 as last2
            evaluate mlp on val

            """;
        var observer = new RecordingObserver();
        using var workspace = new Workspace();
        var result = Pipelines.Execute(script, workspace, observer);
        Assert.True(result.Succeeded, result.Failure?.Message);
        var epochs = observer.Of<EpochCompleted>().ToList();
        Assert.Equal([1, 2, 3, 4], epochs.Select(e => e.Epoch));
        Assert.Equal((int?)1, Assert.Single(observer.Of<TrainingCompleted>()).BestEpoch);
        Assert.Equal(epochs[0].Validation, Assert.Single(observer.Of<EvaluationCompleted>()).Metrics);

        var members = workspace.Ensembles["last2"].Members;
        Assert.Equal(["epoch 3", "epoch 4"], members.Select(m => m.Label));
        var val = workspace.Dataset("val");
        for (int i = 0; i < 2; i++) // validation's batches: at least 256 rows
            Assert.Equal(epochs[2 + i].Validation, Evaluator.Evaluate(members[i].Model.Module, members[i].Model.Loss!, val, 256));
    }

    [Fact]
    public void A_trained_swa_model_is_the_mean_of_the_weights_its_last_epochs_end_with()
    {
        // One full batch per epoch and no shuffling: every run follows the same weights.
        const string train = "train mlp on train epochs={0} batch=1000 shuffle=false stats=0 checkpoint=false";
        float[] second = TrainedWeights(string.Format(train, 2)), third = TrainedWeights(string.Format(train, 3));
        var observer = new RecordingObserver();
        float[] swa = TrainedWeights(string.Format(train, 3) + " swa=2 validate=val", observer);
        Assert.NotEqual(second, third);
        for (int i = 0; i < swa.Length; i++) Assert.Equal((second[i] + third[i]) / 2, swa[i], 5);
        var completed = Assert.Single(observer.Of<TrainingCompleted>());
        Assert.Equal("the average of its weights at the end of the last 2 epochs", completed.Averaged);
    }

    [Fact]
    public void An_ema_model_with_batchnorm_ends_with_the_training_data_s_statistics_and_reports_its_validation()
    {
        const string script = """
            seed 3
            threads 1
            load dataset "blobs" as data
            split data into train=0.75 val=0.25 stratify
            model bn { batchnorm; dense 8 -> relu; dense 4 }
            train bn on train epochs=3 batch=1000 ema=0.9 validate=val stats=0 checkpoint=false
            evaluate bn on val

            """;
        var observer = new RecordingObserver();
        using var workspace = new Workspace();
        var result = Pipelines.Execute(script, workspace, observer);
        Assert.True(result.Succeeded, result.Failure?.Message);
        var norm = workspace.Models["bn"].Module.modules().OfType<BatchNormalization>().Single();
        using var mean = workspace.Dataset("train").Features.mean([0]);
        float[] expected = mean.data<float>().ToArray(), got = norm.running_mean!.data<float>().ToArray();
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], got[i], Math.Abs(expected[i]) * 1e-5);
        var completed = Assert.Single(observer.Of<TrainingCompleted>());
        Assert.Equal("the exponential moving average of its weights (decay 0.9), with batchnorm statistics recomputed", completed.Averaged);
        var evaluated = Assert.Single(observer.Of<EvaluationCompleted>());
        Assert.Equal(evaluated.Metrics.Loss, completed.Validation!.Loss, 6);
    }
}
