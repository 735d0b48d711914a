using NetScript.Hosting.Interactive;
using NetScript.Runtime.Events;

namespace NetScript.Tests.Repl;

/// <summary>Pause holds the training loop between steps; stop ends it, also while paused.</summary>
[Collection(TorchCollection.Name)]
public sealed class RunControlTests
{
    const string Setup = "seed 1\nload dataset \"spiral\" classes=3 points=40 as d\nmodel m { dense 3 }\n";

    [Fact]
    public async Task A_paused_run_takes_no_step_until_resumed()
    {
        var monitor = new TrainingMonitor();
        using var runner = new SubmissionRunner(null, monitor);
        Assert.True((await Done(runner.TrySubmit(runner.NextSource(Setup))!)).Succeeded);

        var task = runner.TrySubmit(runner.NextSource("train m on d epochs=3 batch=8"))!;
        runner.Pause();
        Assert.Null(runner.TrySubmit(runner.NextSource("seed 2")));   // one submission at a time
        Assert.True(SpinWait.SpinUntil(() => monitor.Training is not null, TimeSpan.FromMinutes(1)), "the training did not start");
        Thread.Sleep(300);
        Assert.Empty(monitor.Training!.History);
        Assert.Equal(JobState.Paused, monitor.Training.State);
        Assert.False(task.IsCompleted);

        runner.Resume();
        Assert.True((await Done(task)).Succeeded);
        Assert.Equal([1, 2, 3], monitor.Training!.History.Select(e => e.Epoch));
        Assert.Equal(JobState.Completed, monitor.Training.State);
        Assert.Equal(1.0, monitor.Training.Fraction);
    }

    [Fact]
    public async Task Stop_ends_a_paused_run_and_the_model_stays_usable()
    {
        var monitor = new TrainingMonitor();
        using var runner = new SubmissionRunner(null, monitor);
        Assert.True((await Done(runner.TrySubmit(runner.NextSource(Setup))!)).Succeeded);
        var task = runner.TrySubmit(runner.NextSource("train m on d epochs=1000000 batch=8"))!;
        Assert.True(SpinWait.SpinUntil(() => monitor.Training is { History.Count: > 0 }, TimeSpan.FromMinutes(1)), "no epoch completed");
        runner.Pause();
        runner.Stop();
        var stopped = await Done(task);

        Assert.True(stopped.StoppedTraining);
        Assert.Equal("NS1105", Assert.Single(stopped.Notes).Id);
        Assert.Equal(JobState.Stopped, monitor.Training!.State);
        Assert.True((await Done(runner.TrySubmit(runner.NextSource("evaluate m on d"))!)).Succeeded);
    }

    static Task<NetScript.Hosting.SubmissionResult> Done(Task<NetScript.Hosting.SubmissionResult> task) =>
        task.WaitAsync(TimeSpan.FromMinutes(1));

    [Fact]
    public void The_monitor_queues_loggable_events_but_not_progress_ticks()
    {
        var monitor = new TrainingMonitor();
        monitor.OnEvent(new TrainingStarted("m", "d", 2, 4, 100, 10, "sgd"));
        monitor.OnEvent(new TrainingProgress("m", 1, 2, 2, 4, 0.5, 1000, TimeSpan.FromSeconds(1)));
        monitor.OnEvent(new EpochCompleted("m", 1, 2, new Metrics(0.5, 0.75), null, 1000, TimeSpan.FromSeconds(1)));

        var queued = new List<RunEvent>();
        while (monitor.TryDequeue(out var e)) queued.Add(e!);
        Assert.Equal([typeof(TrainingStarted), typeof(EpochCompleted)], queued.Select(e => e.GetType()));
        Assert.Equal(0.5, monitor.Training!.Fraction);   // epoch 1 of 2 done
        Assert.Equal(new EpochRecord(1, new Metrics(0.5, 0.75), null), Assert.Single(monitor.Training.History));
    }

    [Fact]
    public void A_statistics_sample_becomes_the_per_layer_table()
    {
        var monitor = new TrainingMonitor();
        monitor.OnEvent(new TrainingStarted("m", "d", 2, 4, 100, 10, "sgd"));
        var histogram = new ActivationHistogram(0, 1, [3, 1]);
        // ‖θ‖ = 5 (3-4-5), ‖∇θ‖ = 0.5, ‖Δθ‖ = 0.005 → update/weight 1e-3.
        var dense = new LayerSample("dense1", "dense", 1, 0.2, 1.1, -2, 2, null, null, null, histogram,
            [new ParameterSample("weight", 3, 0.3, 0.003), new ParameterSample("bias", 4, 0.4, 0.004)]);
        var relu = new LayerSample("relu1", "relu", 2, 0.4, 0.6, 0, 2, 0.5, 0.25, null, histogram, []);
        monitor.OnEvent(new StatisticsSampled("m", 1, 1, 1, [dense, relu]));

        var rows = monitor.Training!.Layers;
        Assert.Equal(["dense1", "relu1"], rows.Select(r => r.Layer));
        Assert.Equal(0.5, rows[0].GradientNorm!.Value, 12);
        Assert.Equal(1e-3, rows[0].UpdateRatio!.Value, 12);
        Assert.Equal((0.4, 0.6, 0.25), (rows[1].Mean, rows[1].Std, rows[1].DeadFraction!.Value));
        Assert.Null(rows[1].GradientNorm);
    }
}
