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
        IReadOnlyList<SnippetMetric>? metrics = null, Precision precision = Precision.Fp32) =>
        Run(model, loss, data, batchSize, topK, metrics, precision, keepScores: false).Metrics;

    /// <summary><see cref="Evaluate"/>'s metrics and, from the same forward passes, the model's
    /// class scores (N, C) for every sample, owned by the caller's dispose scope; null scores when
    /// its loss gives none (regression, multi-label).</summary>
    public static (Metrics Metrics, Tensor? ClassScores) EvaluateWithScores(nn.Module<Tensor, Tensor> model, LossFunction loss, TensorDataset data,
        int batchSize, int? topK = null) =>
        Run(model, loss, data, batchSize, topK, metrics: null, Precision.Fp32, keepScores: true);

    // C# metrics keep each batch's output and class scores keep the loss's scores, which are the
    // output itself for a classification loss: one caller asks for either, never both.
    static (Metrics Metrics, Tensor? ClassScores) Run(nn.Module<Tensor, Tensor> model, LossFunction loss, TensorDataset data, int batchSize,
        int? topK, IReadOnlyList<SnippetMetric>? metrics, Precision precision, bool keepScores)
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
            var classScores = new List<Tensor>();
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
                Tensor? scores = topK is not null || keepScores ? loss.ClassScores(output) : null; // (B, C)
                if (topK is { } k && scores is not null)
                    inTopK.add_(scores.topk(k, dim: 1).indexes.eq(y.unsqueeze(1)).any(1).sum(), one);
                if (keepScores && scores is not null) classScores.Add(scores.MoveToOuterDisposeScope());
            }
            double n = Math.Max(1, data.Count);
            double accuracy = decides ? correct.item<long>() / (n * loss.DecisionsPerSample) : double.NaN;
            var result = new Metrics(totalLoss.item<double>() / n, accuracy)
            {
                TopK = topK is null ? null : inTopK.item<long>() / n,
                Custom = measures && outputs.Count > 0 ? Measure(metrics!, cat(outputs, 0), data.Labels) : null,
            };
            return (result, classScores.Count > 0 ? cat(classScores, 0).MoveToOuterDisposeScope() : null); // (N, C)
        }
        finally
        {
            model.train(wasTraining);
            loss.train(lossWasTraining);
        }
    }

    static Dictionary<string, double> Measure(IReadOnlyList<SnippetMetric> metrics, Tensor predictions, Tensor labels) => // (N, …), (N, …)
        metrics.ToDictionary(m => m.Name, m => m.Measure(predictions, labels));
}
