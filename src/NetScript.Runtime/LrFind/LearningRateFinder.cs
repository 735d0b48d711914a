using NetScript.Data;
using NetScript.Language.Lowering;
using NetScript.Runtime.Models;
using NetScript.Runtime.Training;
using NetScript.Runtime.Training.Losses;
using NetScript.Runtime.Training.Regularization;
using NetScript.Scripting;
using OptimizerHelper = TorchSharp.Modules.OptimizerHelper;
using static TorchSharp.torch;

namespace NetScript.Runtime.LrFind;

/// <summary>The learning-rate range test: mini-batches of ordinary training with the rate
/// rising exponentially, one rate per mini-batch; the loss is smoothed with an exponential
/// moving average (β = 0.98) with bias correction, the test stops when the smoothed loss
/// exceeds 4× its best (or is not finite), and the model's weights are restored afterwards.</summary>
public static class LearningRateFinder
{
    public const double Beta = 0.98;

    public const double DivergenceFactor = 4;

    /// <summary>rate i = start·(end/start)^(i/(steps−1)), i = 0 … steps−1.</summary>
    public static double[] Rates(double start, double end, int steps) =>
        [.. Enumerable.Range(0, steps).Select(i => start * Math.Pow(end / start, i / (double)(steps - 1)))];

    /// <summary>avg_i = β·avg_{i−1} + (1−β)·loss_i (avg_{−1} = 0), smoothed_i = avg_i / (1 − β^(i+1)).</summary>
    public static double[] Smooth(IReadOnlyList<double> losses, double beta = Beta)
    {
        var smoothed = new double[losses.Count];
        double average = 0;
        for (int i = 0; i < losses.Count; i++)
        {
            average = beta * average + (1 - beta) * losses[i];
            smoothed[i] = Debias(average, i + 1, beta);
        }
        return smoothed;
    }

    static double Debias(double average, int count, double beta = Beta) => average / (1 - Math.Pow(beta, count));

    public static int MinimumIndex(IReadOnlyList<double> smoothed)
    {
        int best = 0;
        for (int i = 1; i < smoothed.Count; i++)
            if (smoothed[i] < smoothed[best]) best = i;
        return best;
    }

    /// <summary>Smoothed losses left out at the end of the suggestion's window: the last ones
    /// before a divergence stop are where the loss turns up (fastai leaves out 5 as well).</summary>
    public const int SkipEnd = 5;

    /// <summary>fastai's steepest-descent rule: the index i whose smoothed loss falls fastest to
    /// the next rate (the rates are equally spaced in log(rate), so this is the most negative
    /// slope of the loss over log(rate)). The first tenth of the planned rates is left out, where
    /// the bias-corrected average still follows single mini-batches, and the last
    /// <see cref="SkipEnd"/>; a test too short for that window uses every rate.</summary>
    public static int SteepestIndex(IReadOnlyList<double> smoothed, int planned)
    {
        int first = planned / 10, end = smoothed.Count - SkipEnd; // slopes i → i+1 for first ≤ i < end − 1
        if (end - first < 2) (first, end) = (0, smoothed.Count);
        int steepest = first;
        for (int i = first + 1; i < end - 1; i++)
            if (smoothed[i + 1] - smoothed[i] < smoothed[steepest + 1] - smoothed[steepest]) steepest = i;
        return steepest;
    }

    /// <summary>Runs the test on <paramref name="model"/>; its weights (and buffers) are as
    /// before when this returns, also when it throws.</summary>
    public static LrFindResult Run(LrFindPlan plan, TrainedModel model, TensorDataset data, long seed, SnippetCompiler? snippets,
        CancellationToken cancellation)
    {
        TrainPlan train = plan.Train;
        double[] rates = Rates(plan.Start, plan.End, plan.Steps);
        using var snapshot = WeightSnapshot.Take(model.Module);
        using LossFunction loss = LossFactory.Create(train.Loss, model.Plan.Output, data.Classes, snippets);
        var parameters = model.Module.parameters().Concat(loss.parameters()).ToList();
        using OptimizerHelper optimizer = OptimizerFactory.Create(train.Optimizer, parameters);
        var clipper = new GradientClipper(parameters, train.ClipNorm, train.ClipValue);
        using var regularizer = TrainingRegularizer.Create(train.Regularization, model, data, seed);
        var generator = new Generator((ulong)seed);
        long samples = data.Count;
        int batch = (int)Math.Min(train.BatchSize, samples);
        long perEpoch = samples / batch; // full mini-batches only: every rate sees the same batch size
        var losses = new List<double>(rates.Length);
        double best = double.PositiveInfinity, average = 0;
        double? divergedAt = null;
        Tensor? order = null;
        try
        {
            model.Module.train();
            loss.train();
            for (int step = 0; step < rates.Length; step++)
            {
                cancellation.ThrowIfCancellationRequested();
                long position = step % perEpoch;
                if (position == 0)
                {
                    order?.Dispose();
                    order = randperm(samples, generator: generator).DetachFromDisposeScope();
                }
                using var scope = NewDisposeScope();
                foreach (var group in optimizer.ParamGroups) group.LearningRate = rates[step];
                Tensor index = order!.narrow(0, position * batch, batch);
                Tensor x = data.Features.index_select(0, index), y = data.Labels.index_select(0, index);
                TrainingBatch prepared = regularizer.Prepare(x, y, step); // augmented, mixed as in `train`
                optimizer.zero_grad();
                Tensor value = prepared.Loss(loss, model.Module.call(prepared.Input));
                value.backward();
                regularizer.Penalize();
                clipper.Clip();
                optimizer.step();
                regularizer.Constrain();
                // One read per step: the stopping rule needs every step's loss.
                double current = value.item<float>();
                if (!double.IsFinite(current))
                {
                    divergedAt = rates[step];
                    break;
                }
                losses.Add(current);
                average = Beta * average + (1 - Beta) * current;
                double smoothed = Debias(average, losses.Count);
                best = Math.Min(best, smoothed);
                if (step > 0 && smoothed > DivergenceFactor * best)
                {
                    divergedAt = rates[step];
                    break;
                }
            }
        }
        finally
        {
            order?.Dispose();
            generator.Dispose();
            snapshot.RestoreInto(model.Module);
        }
        if (losses.Count == 0)
            throw new RuntimeFailure($"the range test of `{plan.Model}` diverged at its first rate {plan.Start:G3}; lower `start`");
        return new LrFindResult(rates[..losses.Count], [.. losses], Smooth(losses), rates.Length, divergedAt);
    }
}
