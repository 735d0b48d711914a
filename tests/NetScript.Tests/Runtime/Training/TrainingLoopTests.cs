using NetScript.Language.Lowering;
using NetScript.Runtime.Events;
using NetScript.Runtime.Execution;
using NetScript.Runtime.Training;
using static TorchSharp.torch;

namespace NetScript.Tests.Runtime.Training;

/// <summary>The loop's options against runs whose outcome is known: accumulation equals the
/// big batch, early stopping stops where its rule says and restores the best epoch, and live
/// tensors stay constant from epoch to epoch.</summary>
[Collection(TorchCollection.Name)]
public sealed class TrainingLoopTests
{
    internal const string Data = """
        seed 1
        threads 1
        load dataset "spiral" classes=3 points=64 as d
        split d into train=0.5 val=0.5 stratify
        preprocess { standardize }

        """;

    internal static float[][] Weights(Workspace workspace, string model = "m") =>
        workspace.Models[model].Module.parameters().Select(p => p.data<float>().ToArray()).ToArray();

    [Fact]
    public void Accumulating_four_batches_of_8_equals_one_batch_of_32()
    {
        // No dropout or batchnorm, no shuffling: the only difference is how gradients are summed.
        float[][] Train(string options)
        {
            using var workspace = new Workspace();
            string script = Data + $"model m {{ dense 16 -> tanh; dense 3 }}\noptimizer sgd lr=0.5 momentum=0.9\ntrain m on train epochs=3 shuffle=false {options}\n";
            Assert.True(Pipelines.Execute(script, workspace).Succeeded);
            return Weights(workspace);
        }
        float[][] big = Train("batch=32"), accumulated = Train("batch=8 accumulate=4"), plain = Train("batch=8");
        for (int i = 0; i < big.Length; i++)
            for (int j = 0; j < big[i].Length; j++)
                Assert.Equal(big[i][j], accumulated[i][j], 4);
        Assert.True(Math.Abs(big[0][0] - plain[0][0]) > 1e-3, "four times the optimizer steps end elsewhere");
    }

    [Fact]
    public void Early_stopping_stops_after_patience_epochs_and_restores_the_best_weights()
    {
        // min_delta is larger than any change, so only epoch 1 improves: patience 2 stops after epoch 3.
        var observer = new RecordingObserver();
        using var stopped = new Workspace();
        string model = "model m { dense 16 -> relu; dense 3 }\noptimizer adam lr=0.05\n";
        var result = Pipelines.Execute(Data + model + "train m on train epochs=10 validate=val early_stop(metric=val_loss, patience=2, min_delta=100)\n", stopped, observer);
        Assert.True(result.Succeeded, result.Failure?.Message);
        Assert.Equal([1, 2, 3], observer.Of<EpochCompleted>().Select(e => e.Epoch));
        var stop = Assert.Single(observer.Of<EarlyStopped>());
        Assert.Equal((3, 1, "val_loss", true), (stop.Epoch, stop.BestEpoch, stop.Metric, stop.Restored));
        var done = Assert.Single(observer.Of<TrainingCompleted>());
        Assert.Equal((3, (int?)1), (done.EpochsRun, done.BestEpoch));
        Assert.Equal(observer.Of<EpochCompleted>().First().Validation, done.Validation);

        // The restored weights are exactly those of a one-epoch run.
        using var oneEpoch = new Workspace();
        Assert.True(Pipelines.Execute(Data + model + "train m on train epochs=1 validate=val\n", oneEpoch).Succeeded);
        Assert.Equal(Weights(oneEpoch), Weights(stopped));
    }

    [Fact]
    public void Early_stopping_counts_epochs_without_an_improvement_larger_than_min_delta()
    {
        var compilation = Language.Semantics.CheckerGoldenTests.Check(Data + "model m { dense 3 }\ntrain m on train early_stop(metric=train_acc, patience=2, min_delta=0.005)\n");
        var stop = new EarlyStopping(Lowerer.Lower(compilation.Program!).Steps.OfType<TrainPlan>().Single().EarlyStop!);
        Assert.True(stop.Settings.Maximize);                 // an accuracy: larger is better
        double[] accuracy = [0.5, 0.6, 0.604, 0.59, 0.7];
        bool[] improved = accuracy.Select((a, i) => stop.Observe(i + 1, new Metrics(0, a), null)).Take(4).ToArray();
        Assert.Equal([true, true, false, false], improved);  // 0.604 is not 0.005 above 0.6
        Assert.True(stop.ShouldStop);
        Assert.Equal((0.6, 2), (stop.Best, stop.BestEpoch));
    }

    [Fact]
    public void Top_k_accuracy_is_measured_on_validation_and_evaluation()
    {
        var observer = new RecordingObserver();
        using var workspace = new Workspace();
        string script = Data + "model m { dense 16 -> relu; dense 3 }\ntrain m on train epochs=2 validate=val top_k=3\nevaluate m on val\n";
        Assert.True(Pipelines.Execute(script, workspace, observer).Succeeded);
        Assert.All(observer.Of<EpochCompleted>(), e => Assert.Equal(1.0, e.Validation!.TopK));  // k = C: always right
        var evaluation = Assert.Single(observer.Of<EvaluationCompleted>()).Metrics;
        Assert.Equal(1.0, evaluation.TopK);
        Assert.Equal(observer.Of<EpochCompleted>().Last().Validation, evaluation);            // same model, same data
    }

    [Fact]
    public void Live_tensors_stay_constant_across_epochs()
    {
        var counts = new List<long>();
        var observer = new CountingObserver(counts);
        using var workspace = new Workspace();
        string script = Data + "model m { dense 32 -> batchnorm -> relu -> dropout 0.2; dense 3 }\noptimizer adam\ntrain m on train epochs=6 batch=16 validate=val top_k=2 clip_norm=1\n";
        // Tensors created on this thread (the run's) and not disposed: other threads and the
        // finalizer cannot move the count. A tensor left per step or epoch would raise it every epoch.
        Assert.True(Pipelines.Execute(script, workspace, observer).Succeeded);
        Assert.Equal(6, counts.Count);
        Assert.True(counts[1] > 0, "the count holds the run's parameters and optimizer state");
        Assert.All(counts.Skip(2), c => Assert.True(c <= counts[1], $"{c} live tensors after epoch 2's {counts[1]}")); // epoch 1 creates the optimizer's state
    }

    sealed class CountingObserver(List<long> counts) : NetScript.Runtime.Events.IRunObserver
    {
        public void OnEvent(RunEvent e)
        {
            if (e is EpochCompleted) counts.Add(TorchSharp.DisposeScopeManager.Statistics.TensorStatistics.ThreadTotalLiveCount);
        }
    }
}
