using NetScript.Data;
using NetScript.Language.Lowering;
using NetScript.Language.Semantics;
using NetScript.Runtime.Events;
using NetScript.Runtime.Execution;
using NetScript.Runtime.Models;
using NetScript.Runtime.Training;
using static TorchSharp.torch;

namespace NetScript.Tests.Runtime.Training;

/// <summary>Training with regression, attribute and hierarchical targets, to known answers:
/// the coefficients that generated the data, and Tukey's loss being robust to outliers.</summary>
[Collection(TorchCollection.Name)]
public sealed class TargetTrainingTests
{
    /// <summary>Trains a `dense` head on the data; returns the learned weights then bias.</summary>
    static (float[] Parameters, Metrics Train) Fit(string model, string options, TensorDataset data, string optimizer = "sgd lr=0.1")
    {
        var targets = data.Labels.dim() == 2 ? Shape.Of((int)data.Labels.shape[1]) : null;
        TrainPlan step = EnginePlans.Lowered(model, Shape.Of((int)data.Features.shape[1]), data.Classes, targets,
            before: $"optimizer {optimizer}\n", train: options);
        manual_seed(1);
        using var trained = new TrainedModel(step.Network, ModelBuilder.Build(step.Network));
        var result = Trainer.Train(new TrainRequest(trained, "d", data, null, step, Seed: 1), new RecordingObserver(), CancellationToken.None);
        return (trained.Module.parameters().SelectMany(p => p.data<float>().ToArray()).ToArray(), result.Train);
    }

    static TensorDataset Linear(float[] weights, float bias, double outlierFraction = 0, float outlier = 0)
    {
        manual_seed(2);
        using var scope = NewDisposeScope();
        Tensor x = randn(1000, weights.Length);
        Tensor y = x.matmul(tensor(weights).unsqueeze(1)) + bias + randn(1000, 1) * 0.01; // (N, 1)
        if (outlierFraction > 0) y.index_put_(outlier, rand(1000, 1).lt(outlierFraction));
        return new TensorDataset(x.MoveToOuterDisposeScope(), y.MoveToOuterDisposeScope(), classes: 0);
    }

    [Fact]
    public void Mse_recovers_the_coefficients_of_a_linear_model()
    {
        using var data = Linear([3f, -2f], 1f);
        var (p, train) = Fit("dense 1", "epochs=20 batch=32 loss=mse", data);
        Assert.Equal([3f, -2f, 1f], p.Select(v => MathF.Round(v, 1)));
        Assert.True(train.Loss < 1e-3, $"loss {train.Loss}");
        Assert.True(double.IsNaN(train.Accuracy));                 // a regression makes no class decisions
    }

    [Fact]
    public void A_target_column_of_one_value_per_sample_trains_a_single_output()
    {
        // Regression tables hold targets (N), not (N, 1); they must not broadcast into (N, N).
        using var column = Linear([3f, -2f], 1f);
        using var data = new TensorDataset(column.Features.clone(), column.Labels.view(-1).clone(), classes: 0);
        var (p, train) = Fit("dense 1", "epochs=20 batch=32 loss=huber", data);
        Assert.Equal([3f, -2f, 1f], p.Select(v => MathF.Round(v, 1)));
        Assert.True(train.Loss < 1e-3, $"loss {train.Loss}");
    }

    [Fact]
    public void Tukey_ignores_outliers_that_pull_mse_away()
    {
        // 10% of the targets replaced by 20: the mean shifts by about 2, the inliers do not move.
        using var data = Linear([0.5f, -0.5f], 0f, outlierFraction: 0.1, outlier: 20f);
        float mseBias = Fit("dense 1", "epochs=20 batch=32 loss=mse", data).Parameters[2];
        float[] tukey = Fit("dense 1", "epochs=20 batch=32 loss=tukey", data).Parameters;
        Assert.InRange(mseBias, 1.5f, 2.5f);
        Assert.Equal([0.5f, -0.5f, 0f], tukey.Select(v => MathF.Round(v, 1) + 0f));
        Assert.InRange(tukey[2], -0.05f, 0.05f);
    }

    [Fact]
    public void Attribute_losses_learn_independent_binary_labels()
    {
        // Three attributes, each "feature j is positive": not mutually exclusive.
        manual_seed(3);
        Tensor x = randn(600, 3);
        using var data = new TensorDataset(x, x.gt(0).to_type(ScalarType.Float32), classes: 0);
        foreach (string loss in new[] { "multilabel_logistic", "multilabel_hinge", "binary_cross_entropy" })
        {
            var (_, train) = Fit("dense 3", $"epochs=15 batch=32 loss={loss}", data);
            Assert.True(train.Accuracy > 0.95, $"{loss}: per-label accuracy {train.Accuracy}");
        }
    }

    [Fact]
    public void Hierarchical_softmax_learns_the_spiral()
    {
        var observer = new RecordingObserver();
        using var workspace = new Workspace();
        string script = TrainingLoopTests.Data + "model m { dense 64 -> relu }\noptimizer adam lr=0.02\ntrain m on train epochs=60 batch=16 loss=hierarchical_softmax validate=val\nevaluate m on val\n";
        Assert.True(Pipelines.Execute(script, workspace, observer).Succeeded);
        var epochs = observer.Of<EpochCompleted>().ToList();
        Assert.True(epochs[^1].Train.Loss < epochs[0].Train.Loss * 0.5, $"{epochs[0].Train.Loss} -> {epochs[^1].Train.Loss}");
        Assert.True(epochs[^1].Train.Accuracy > 0.9, $"accuracy {epochs[^1].Train.Accuracy}");
        Assert.Equal(64 * 2 + 64 + 2 * 65, Assert.Single(observer.Of<TrainingStarted>()).Parameters); // the tree's 2 nodes train with the model
    }
}
