using NetScript.Data;
using NetScript.Language.Lowering;
using NetScript.Runtime.Events;
using NetScript.Runtime.Snippets;
using NetScript.Runtime.Training.Losses;
using static TorchSharp.torch;

namespace NetScript.Runtime.Training;

/// <summary>Mean loss, accuracy and top-k accuracy of a model over a whole dataset, in eval
/// mode (dropout off, batchnorm's running statistics), without gradients; restores the
/// modules' previous mode. Sums stay on the device until the end: one host sync. C# metrics
/// see all the predictions at once, after the batches. Validation during training runs in the
/// training's <see cref="Precision"/>.</summary>
public static class Evaluator
{
    public static Metrics Evaluate(nn.Module<Tensor, Tensor> model, LossFunction loss, TensorDataset data, int batchSize, int? topK = null,
        IReadOnlyList<SnippetMetric>? metrics = null, Precision precision = Precision.Fp32)
    {
        bool wasTraining = model.training, lossWasTraining = loss.training;
        model.eval();
        loss.eval();
        try
        {
            using var noGrad = no_grad();
            using var scope = NewDisposeScope();
            using var s = new ScalarScope();
            var one = s.Of(1);
            bool decides = loss.DecisionsPerSample > 0;
            Tensor totalLoss = zeros(1, dtype: ScalarType.Float64);
            Tensor correct = zeros(1, dtype: ScalarType.Int64);
            Tensor inTopK = zeros(1, dtype: ScalarType.Int64);
            var outputs = new List<Tensor>();
            bool measures = metrics is { Count: > 0 };
            for (long start = 0; start < data.Count; start += batchSize)
            {
                using var step = NewDisposeScope();
                long length = Math.Min(batchSize, data.Count - start);
                Tensor x = data.Features.narrow(0, start, length);   // (B, …)
                Tensor y = data.Labels.narrow(0, start, length);     // (B) or (B, …)
                Tensor output = Autocast.Call(model, x, precision); // (B, …)
                if (measures) outputs.Add(output.MoveToOuterDisposeScope());
                // The loss is a batch mean; times the batch size it sums exactly over samples.
                totalLoss.add_(loss.call(output, y).to_type(ScalarType.Float64), s.Of(length));
                if (decides) correct.add_(loss.Correct(output, y), one);
                if (topK is { } k && loss.ClassScores(output) is { } scores)
                    inTopK.add_(scores.topk(k, dim: 1).indexes.eq(y.unsqueeze(1)).any(1).sum(), one);
            }
            double n = Math.Max(1, data.Count);
            double accuracy = decides ? correct.item<long>() / (n * loss.DecisionsPerSample) : double.NaN;
            return new Metrics(totalLoss.item<double>() / n, accuracy)
            {
                TopK = topK is null ? null : inTopK.item<long>() / n,
                Custom = measures && outputs.Count > 0 ? Measure(metrics!, cat(outputs, 0), data.Labels) : null,
            };
        }
        finally
        {
            model.train(wasTraining);
            loss.train(lossWasTraining);
        }
    }

    /// <summary>The model's class scores (N, C) for every sample in eval mode, or null when its
    /// loss gives none (regression, multi-label).</summary>
    public static Tensor? ClassScores(nn.Module<Tensor, Tensor> model, LossFunction loss, TensorDataset data, int batchSize)
    {
        bool wasTraining = model.training;
        model.eval();
        try
        {
            using var noGrad = no_grad();
            using var scope = NewDisposeScope();
            var scores = new List<Tensor>();
            for (long start = 0; start < data.Count; start += batchSize)
            {
                long length = Math.Min(batchSize, data.Count - start);
                if (loss.ClassScores(model.call(data.Features.narrow(0, start, length))) is not { } batch) return null;
                scores.Add(batch);
            }
            return cat(scores, 0).MoveToOuterDisposeScope();
        }
        finally
        {
            model.train(wasTraining);
        }
    }

    static Dictionary<string, double> Measure(IReadOnlyList<SnippetMetric> metrics, Tensor predictions, Tensor labels) => // (N, …), (N, …)
        metrics.ToDictionary(m => m.Name, m => m.Measure(predictions, labels));
}
