using NetScript.Language.Lowering;
using NetScript.Runtime.Events;
using NetScript.Runtime.Execution;
using NetScript.Runtime.Models.Layers;
using NetScript.Runtime.Training;
using Parameter = TorchSharp.Modules.Parameter;
using TensorDataset = NetScript.Data.TensorDataset;
using static TorchSharp.torch;

namespace NetScript.Tests.Training;

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
