using NetScript.Data;
using NetScript.Language.Lowering;
using NetScript.Runtime.Models;
using NetScript.Runtime.Training;
using NetScript.Runtime.Training.Losses;
using NetScript.Runtime.Training.Regularization;
using NetScript.Scripting;
using OptimizerHelper = TorchSharp.Modules.OptimizerHelper;
using ParamGroup = TorchSharp.Modules.ParamGroup;
using Parameter = TorchSharp.Modules.Parameter;
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

    /// <summary>The index of the lowest smoothed loss over the whole curve.</summary>
    public static int MinimumIndex(IReadOnlyList<double> smoothed) => MinimumIndex(smoothed, 0, smoothed.Count);

    static int MinimumIndex(IReadOnlyList<double> smoothed, int first, int end)
    {
        int best = first;
        for (int i = first + 1; i < end; i++)
            if (smoothed[i] < smoothed[best]) best = i;
        return best;
    }

    /// <summary>Smoothed losses left out at the end of the suggestion's window: the last ones
    /// before a divergence stop are where the loss turns up (fastai leaves out 5 as well).</summary>
    public const int SkipEnd = 5;

    /// <summary>The indices [first, end) every suggestion rule reads: the first tenth of the
    /// <paramref name="planned"/> rates is left out, where the bias-corrected average still
    /// follows single mini-batches, and the last <see cref="SkipEnd"/> tried; a test too short
    /// for that window (fewer than 2 rates left) uses every rate.</summary>
    public static (int First, int End) Window(int count, int planned)
    {
        int first = planned / 10, end = count - SkipEnd;
        return end - first < 2 ? (0, count) : (first, end);
    }

    /// <summary>fastai's steepest-descent rule: the index i whose smoothed loss falls fastest to
    /// the next rate (the rates are equally spaced in log(rate), so this is the most negative
    /// slope of the loss over log(rate)), within the <see cref="Window"/>.</summary>
    public static int SteepestIndex(IReadOnlyList<double> smoothed, int planned)
    {
        var (first, end) = Window(smoothed.Count, planned); // slopes i → i+1 for first ≤ i < end − 1
        int steepest = first;
        for (int i = first + 1; i < end - 1; i++)
            if (smoothed[i + 1] - smoothed[i] < smoothed[steepest + 1] - smoothed[steepest]) steepest = i;
        return steepest;
    }

    /// <summary>fastai's minimum rule reads the rate of the lowest smoothed loss within the
    /// <see cref="Window"/> (and suggests a tenth of it).</summary>
    public static int WindowMinimumIndex(IReadOnlyList<double> smoothed, int planned)
    {
        var (first, end) = Window(smoothed.Count, planned);
        return MinimumIndex(smoothed, first, end);
    }

    /// <summary>The valley rule (fastai's default), within the <see cref="Window"/>:
    /// d(i) is the length of the longest strictly decreasing subsequence of the smoothed losses
    /// that ends at point i (points between may be skipped, so a bump of noise does not end a
    /// valley); the valley ends at the first point e of the largest d, L = d(e), and is taken as
    /// the L steps before e, from s = e − L; the suggestion is point s + ⌊L/3⌋ + ⌊L/6⌋, about the
    /// middle of the valley (not lower than the window's first point). d is computed in
    /// O(n log n): tails[k] holds the highest loss at which a decreasing subsequence of length
    /// k + 1 ends so far.</summary>
    public static int ValleyIndex(IReadOnlyList<double> smoothed, int planned)
    {
        var (first, end) = Window(smoothed.Count, planned);
        var tails = new List<double>();
        int valleyEnd = first, length = 0;
        for (int i = first; i < end; i++)
        {
            double loss = smoothed[i];
            // The first k with tails[k] ≤ loss (tails falls with k): loss extends the run of length k.
            int low = 0, high = tails.Count;
            while (low < high)
            {
                int middle = (low + high) / 2;
                if (tails[middle] > loss) low = middle + 1;
                else high = middle;
            }
            if (low == tails.Count) tails.Add(loss);
            else tails[low] = loss;
            if (low + 1 > length) (length, valleyEnd) = (low + 1, i);
        }
        int start = valleyEnd - length;
        return Math.Max(first, start + length / 3 + length / 6);
    }

    /// <summary>The index of the point a rule reads: for <see cref="LrSuggestion.Minimum"/> the
    /// lowest loss (the suggestion is a tenth of its rate).</summary>
    public static int RuleIndex(LrSuggestion rule, IReadOnlyList<double> smoothed, int planned) => rule switch
    {
        LrSuggestion.Valley => ValleyIndex(smoothed, planned),
        LrSuggestion.Steepest => SteepestIndex(smoothed, planned),
        LrSuggestion.Minimum => WindowMinimumIndex(smoothed, planned),
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, null),
    };

    /// <summary>The fraction of the read point's rate a rule suggests: a tenth for the minimum.</summary>
    public static double RuleFactor(LrSuggestion rule) => rule == LrSuggestion.Minimum ? 0.1 : 1;

    /// <summary>Runs the test on <paramref name="model"/>; its weights (and buffers) are as
    /// before when this returns, also when it throws. A transferred model (the plan's
    /// <see cref="TrainPlan.FineTuning"/>) is tested as its next `train` trains it: the frozen
    /// layers stay out of the optimizer and each parameter group moves at its factor
    /// (lr_mult for the pretrained layers, 1 for the replaced one) × the tested rate.</summary>
    public static LrFindResult Run(LrFindPlan plan, TrainedModel model, TensorDataset data, long seed, SnippetCompiler? snippets,
        CancellationToken cancellation)
    {
        TrainPlan train = plan.Train;
        double[] rates = Rates(plan.Start, plan.End, plan.Steps);
        using var snapshot = WeightSnapshot.Take(model.Module);
        using LossFunction loss = LossFactory.Create(train.Loss, model.Plan.Output, data.Classes, snippets);
        var parameters = model.Module.parameters().Concat(loss.parameters()).ToList();
        FineTuneSpec? fine = train.FineTuning;
        if (fine is not null) FineTuner.Freeze(model.Module, fine.Frozen, fine.FreezeBatchNorm); // as the next `train` does
        Func<Parameter, double> rateFactor = fine is null ? _ => 1 : FineTuner.RateFactors(model.Module, fine);
        using OptimizerHelper optimizer = fine is null
            ? OptimizerFactory.Create(train.Optimizer, parameters)
            : OptimizerFactory.Create(train.Optimizer, parameters.Where(p => p.requires_grad), 1, rateFactor);
        // Each group's factor of the tested rate (its parameters share one; no parameters: 1).
        var groups = optimizer.ParamGroups.Cast<ParamGroup>().ToList();
        double[] factors = [.. groups.Select(g => g.Parameters.FirstOrDefault() is { } first ? rateFactor(first) : 1)];
        var groupRates = groups.Select(_ => new List<double>(rates.Length)).ToList();
        var clipper = new GradientClipper(parameters, train.ClipNorm, train.ClipValue);
        using var regularizer = TrainingRegularizer.Create(train.Regularization, model, data, seed);
        var training = new TrainingStep(model.Module, loss, optimizer, regularizer, clipper, train.Precision);
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
                for (int g = 0; g < groups.Count; g++)
                {
                    groups[g].LearningRate = rates[step] * factors[g];
                    groupRates[g].Add(groups[g].LearningRate); // as the optimizer holds it
                }
                Tensor index = order!.narrow(0, position * batch, batch);
                Tensor x = data.Features.index_select(0, index), y = data.Labels.index_select(0, index);
                TrainingBatch prepared = regularizer.Prepare(x, y, step); // augmented, mixed as in `train`
                Tensor value = training.Backward(prepared).Loss;
                training.Update();
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
        var layers = FineTuner.Layers(model.Module);
        return new LrFindResult(rates[..losses.Count], [.. losses], Smooth(losses), rates.Length, divergedAt)
        {
            Rule = plan.Suggest,
            Groups = [.. groups.Select((group, g) => new LrFindGroup(
                [.. group.Parameters.Select(p => layers.TryGetValue(p.Handle, out string? layer) ? layer : "loss").Distinct()],
                factors[g], [.. groupRates[g].Take(losses.Count)]))],
        };
    }
}
