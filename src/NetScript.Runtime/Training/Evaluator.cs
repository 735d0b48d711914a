using NetScript.Data;
using NetScript.Runtime.Events;
using static TorchSharp.torch;

namespace NetScript.Runtime.Training;

/// <summary>Mean loss and accuracy of a model over a whole dataset, in eval mode, without
/// gradients; restores the module's previous mode.</summary>
public static class Evaluator
{
    public static Metrics Evaluate(nn.Module<Tensor, Tensor> model, TensorDataset data, string loss, int batchSize)
    {
        var lossSum = LossFunctions.GetSum(loss);
        bool wasTraining = model.training;
        model.eval();
        try
        {
            using var noGrad = no_grad();
            using var scope = NewDisposeScope();
            Tensor totalLoss = zeros(1, dtype: ScalarType.Float64);
            Tensor correct = zeros(1, dtype: ScalarType.Int64);
            for (long start = 0; start < data.Count; start += batchSize)
            {
                using var step = NewDisposeScope();
                long length = Math.Min(batchSize, data.Count - start);
                Tensor x = data.Features.narrow(0, start, length);   // (B, …)
                Tensor y = data.Labels.narrow(0, start, length);     // (B)
                Tensor logits = model.call(x);                       // (B, C)
                totalLoss.add_(lossSum(logits, y).to_type(ScalarType.Float64));
                correct.add_(logits.argmax(1).eq(y).sum());
            }
            double n = Math.Max(1, data.Count);
            return new Metrics(totalLoss.item<double>() / n, correct.item<long>() / n);
        }
        finally
        {
            model.train(wasTraining);
        }
    }
}
