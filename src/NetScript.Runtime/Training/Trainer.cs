using System.Diagnostics;
using NetScript.Runtime.Events;
using NetScript.Runtime.Statistics;
using NetScript.Runtime.Training.Regularization;
using static TorchSharp.torch;

namespace NetScript.Runtime.Training;

/// <summary>The mini-batch loop. Per step it does what a hand-written TorchSharp loop does
/// plus two device-side writes (the step's loss and correct count into per-epoch tensors);
/// it reads values back to the host only a few times a second for progress, and once per
/// epoch for metrics — never per step. Everything around the loop (loss, optimizer,
/// checkpoints, early stopping, logs) lives in <see cref="TrainingSession"/>.</summary>
public static class Trainer
{
    public static TrainingResult Train(TrainRequest request, IRunObserver observer, CancellationToken cancellation)
    {
        FiniteMetrics.EnsureRows(request.Data, request.DataName, "trained on");
        if (request.Validation is { } validationData) FiniteMetrics.EnsureRows(validationData, "the validation data", "validated on");
        using var run = TrainingSession.Start(request);
        var settings = request.Plan;
        string name = request.Model.Plan.Name;
        observer.OnEvent(new TrainingStarted(name, request.DataName, settings.Epochs, run.StepsPerEpoch, run.Samples,
            request.Model.ParameterCount, run.SetupDescription));
        if (run.ResumedFrom is { } from) observer.OnEvent(new TrainingResumed(name, from, run.Epoch, run.Step));
        var total = Stopwatch.StartNew();
        var progress = new ProgressClock(run, request.ProgressInterval);
        var throughput = new ThroughputWindow(ThroughputWindow.DefaultSpan);
        using var statistics = StatisticsCollector.Create(name, request.Model.Module, new StatisticsOptions(settings.StatisticsEvery), observer);
        request.Model.Module.train();
        request.Model.Loss!.train();
        while (!run.Finished)
        {
            var clock = Stopwatch.StartNew();
            run.UnfreezeIfDue();
            using EpochTensors epoch = run.BeginEpoch();
            float[] losses = RunEpoch(run, epoch, observer, progress, statistics, cancellation);
            Metrics train = EpochMetrics(run, epoch, losses);
            double samplesPerSecond = throughput.Add(run.SamplesPerEpoch - (double)progress.FirstStepOfEpoch * settings.BatchSize, clock.Elapsed.TotalSeconds);
            run.Average?.AfterEpoch(run.Epoch);
            int number = run.Epoch;
            Metrics? validation = run.CompleteEpoch(epoch, train, () =>
            {
                Metrics? measured = Validate(run);
                if (measured is not null) FiniteMetrics.Ensure(measured, run.Loss.DecisionsPerSample > 0, name, $"on the validation data at epoch {number}");
                return measured;
            }, clock, losses, observer);
            observer.OnEvent(new EpochCompleted(name, number, settings.Epochs, train, validation, samplesPerSecond, total.Elapsed)
            {
                Last = run.Finished,
                TopK = settings.TopK,
            });
            if (run.EarlyStop is { ShouldStop: true } stop)
                observer.OnEvent(new EarlyStopped(name, number, stop.Settings.Metric, stop.Best, stop.BestEpoch, stop.Settings.RestoreBest));
        }
        int? best = run.RestoreBest();
        EpochMetrics? final = best is { } b ? run.History.First(h => h.Epoch == b) : run.History.LastOrDefault();
        Metrics trainMetrics = final?.Train ?? new Metrics(double.NaN, double.NaN);
        Metrics? finalValidation = final?.Validation;
        string? averaged = null;
        if (run.Average is { HasAverage: true } kept)
        {
            if (best is null) kept.CopyIntoModel(); // a restored best epoch's weights are already averaged
            bool recomputed = settings.Averaging!.UpdateBatchNorm && BatchNormStatistics.Recompute(request.Model.Module, request.Data, settings.BatchSize);
            averaged = (settings.Averaging.Decay is { } decay ? $"the exponential moving average of its weights (decay {decay:G}{(settings.Averaging.Warmup ? ", warmed up" : "")})"
                : $"the average of its weights at the end of the last {settings.Averaging.LastEpochs} epochs")
                + (recomputed ? ", with batchnorm statistics recomputed" : "");
            if (recomputed) finalValidation = Validate(run);
        }
        int epochsRun = run.History.Count == 0 ? 0 : run.History[^1].Epoch;
        observer.OnEvent(new TrainingCompleted(name, settings.Epochs, trainMetrics, finalValidation, total.Elapsed)
        {
            EpochsRun = epochsRun,
            BestEpoch = best,
            Averaged = averaged,
        });
        return new TrainingResult(trainMetrics, finalValidation, epochsRun, best, run.LastCheckpoint) { EpochWeights = run.TakeEpochWeights() };
    }

    static Metrics? Validate(TrainingSession run) => run.Request.Validation is { } validation
        ? Evaluator.Evaluate(run.Module, run.Loss, validation, Math.Max(run.Request.Plan.BatchSize, 256), run.Request.Plan.TopK, run.Request.Metrics, run.Request.Plan.Precision)
        : null;

    /// <summary>Runs the epoch's remaining steps; returns every step's loss (one host sync).</summary>
    static float[] RunEpoch(TrainingSession run, EpochTensors epoch, IRunObserver observer, ProgressClock progress,
        StatisticsCollector? statistics, CancellationToken cancellation)
    {
        var loss = run.Loss;
        var data = run.Request.Data;
        var training = new TrainingStep(run.Module, loss, run.Optimizer, run.Regularizer, run.Clipper, run.Request.Plan.Precision);
        int batch = run.Request.Plan.BatchSize, accumulate = run.Request.Plan.Accumulate, steps = run.StepsPerEpoch;
        bool decides = loss.DecisionsPerSample > 0;
        progress.BeginEpoch();
        for (int step = run.Step; step < steps; step++)
        {
            run.Request.Control?.WaitWhilePaused(cancellation);
            int window = step % accumulate; // position inside the gradient-accumulation window
            if (window == 0 && cancellation.IsCancellationRequested)
                throw new TrainingCancelledException(run.Interrupt(epoch, step, observer), cancellation);
            using var stepScope = NewDisposeScope();
            Tensor index = epoch.Order.narrow(0, (long)step * batch, run.BatchLength(step));
            Tensor x = data.Features.index_select(0, index); // (B, …)
            Tensor y = data.Labels.index_select(0, index);   // (B) classes or (B, …) targets
            TrainingBatch prepared = run.Regularizer.Prepare(x, y, run.BatchNumber(step)); // augmented, mixed: training batches only

            int windowSize = Math.Min(accumulate, steps - (step - window));
            // Statistics sample the window's last mini-batch: its backward completes the
            // accumulated gradient and the optimizer step follows it.
            bool last = window == windowSize - 1;
            if (last) statistics?.BeforeForward(run.Epoch, step + 1, (run.Epoch - 1) * (long)steps + step + 1);
            var (output, value) = training.Backward(prepared, window, windowSize); // (B, …), ()
            if (last)
            {
                statistics?.AfterBackward(); // the gradients before penalties and clipping
                run.Schedule?.Apply(run.Optimizer, run.Update(step), run.RateFactors);
                training.Update();
                run.Average?.AfterUpdate();
                statistics?.AfterOptimizerStep();
            }

            using (no_grad())
            {
                epoch.Losses[step] = value;
                if (decides) epoch.Correct[step] = loss.Correct(output, prepared.Decisions);
            }
            progress.Tick(step, value, epoch, observer);
        }
        float[] losses = epoch.Losses.data<float>().ToArray();
        int bad = Array.FindIndex(losses, l => !float.IsFinite(l));
        if (bad >= 0) throw new NonFiniteLossException(run.Model.Plan.Name, losses[bad], run.Epoch, bad + 1, run.LastGoodCheckpoint);
        return losses;
    }

    static Metrics EpochMetrics(TrainingSession run, EpochTensors epoch, float[] losses)
    {
        double lossSum = 0;
        for (int step = 0; step < losses.Length; step++)
            lossSum += losses[step] * run.BatchLength(step);
        double accuracy = double.NaN;
        if (run.Loss.DecisionsPerSample > 0)
        {
            using Tensor correct = epoch.Correct.sum();
            accuracy = correct.item<long>() / ((double)run.SamplesPerEpoch * run.Loss.DecisionsPerSample);
        }
        return new Metrics(lossSum / run.SamplesPerEpoch, accuracy);
    }
}
