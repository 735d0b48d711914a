using System.Diagnostics;
using NetScript.Runtime.Events;
using static TorchSharp.torch;

namespace NetScript.Runtime.Training;

/// <summary>The mini-batch loop. Per step it does what a hand-written TorchSharp loop does
/// plus two device-side writes (the step's loss and correct count into per-epoch tensors);
/// it reads values back to the host only a few times a second for progress, and once per
/// epoch for metrics — never per step.</summary>
public static class Trainer
{
    static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(250);

    public static (Metrics Train, Metrics? Validation) Train(TrainRequest request, IRunObserver observer, CancellationToken cancellation)
    {
        var module = request.Model.Module;
        string name = request.Model.Plan.Name;
        var settings = request.Settings;
        long n = request.Data.Count;
        int batch = settings.BatchSize;
        int steps = (int)((n + batch - 1) / batch);
        var loss = LossFunctions.Get(settings.Loss);
        using var optimizer = OptimizerFactory.Create(request.Optimizer, module.parameters());
        using var shuffle = new Generator((ulong)request.Seed);

        observer.OnEvent(new TrainingStarted(name, request.DataName, settings.Epochs, steps, n, request.Model.ParameterCount, request.Optimizer.ToString()));
        var total = Stopwatch.StartNew();
        Metrics trainMetrics = new(double.NaN, double.NaN);
        Metrics? validation = null;
        module.train();
        for (int epoch = 1; epoch <= settings.Epochs; epoch++)
        {
            var epochClock = Stopwatch.StartNew();
            var progressClock = Stopwatch.StartNew();
            using (var epochScope = NewDisposeScope())
            {
                Tensor order = settings.Shuffle ? randperm(n, generator: shuffle) : arange(n);
                Tensor stepLosses = zeros(steps);                       // (S) float32
                Tensor stepCorrect = zeros(steps, dtype: ScalarType.Int64);
                for (int step = 0; step < steps; step++)
                {
                    request.Control?.WaitWhilePaused(cancellation);
                    cancellation.ThrowIfCancellationRequested();
                    using var stepScope = NewDisposeScope();
                    long start = (long)step * batch;
                    long length = Math.Min(batch, n - start);
                    Tensor index = order.narrow(0, start, length);
                    Tensor x = request.Data.Features.index_select(0, index); // (B, …)
                    Tensor y = request.Data.Labels.index_select(0, index);   // (B)

                    optimizer.zero_grad();
                    Tensor logits = module.call(x);                          // (B, C)
                    Tensor value = loss(logits, y);
                    value.backward();
                    optimizer.step();

                    using (no_grad())
                    {
                        stepLosses[step] = value;
                        stepCorrect[step] = logits.argmax(1).eq(y).sum();
                    }
                    if (progressClock.Elapsed >= ProgressInterval)
                    {
                        progressClock.Restart();
                        float current = value.item<float>();
                        if (!float.IsFinite(current)) ThrowNonFinite(name, epoch, stepLosses, step + 1);
                        double seen = (double)(step + 1) * batch;
                        double done = ((epoch - 1) * (double)steps + step + 1) / ((double)settings.Epochs * steps);
                        var remaining = TimeSpan.FromSeconds(total.Elapsed.TotalSeconds * (1 - done) / done);
                        observer.OnEvent(new TrainingProgress(name, epoch, settings.Epochs, step + 1, steps, current, seen / epochClock.Elapsed.TotalSeconds, remaining));
                    }
                }
                float[] losses = stepLosses.data<float>().ToArray();
                if (losses.Any(l => !float.IsFinite(l))) ThrowNonFinite(name, epoch, stepLosses, steps);
                double lossSum = 0;
                for (int step = 0; step < steps; step++)
                    lossSum += losses[step] * Math.Min(batch, n - (long)step * batch);
                trainMetrics = new Metrics(lossSum / n, stepCorrect.sum().item<long>() / (double)n);
            }
            double samplesPerSecond = n / epochClock.Elapsed.TotalSeconds;
            validation = request.Validation is { } val ? Evaluator.Evaluate(module, val, settings.Loss, Math.Max(batch, 256)) : null;
            observer.OnEvent(new EpochCompleted(name, epoch, settings.Epochs, trainMetrics, validation, samplesPerSecond, total.Elapsed));
        }
        observer.OnEvent(new TrainingCompleted(name, settings.Epochs, trainMetrics, validation, total.Elapsed));
        return (trainMetrics, validation);
    }

    static void ThrowNonFinite(string model, int epoch, Tensor stepLosses, int stepsDone)
    {
        float[] losses = stepLosses.narrow(0, 0, stepsDone).data<float>().ToArray();
        int first = Array.FindIndex(losses, l => !float.IsFinite(l));
        throw new NonFiniteLossException(model, losses[first], epoch, first + 1);
    }
}
