using System.Diagnostics;
using NetScript.Data;
using static TorchSharp.torch;

namespace NetScript.Bench;

/// <summary>The baseline: the training loop a TorchSharp user would write by hand for the
/// same job — shuffle each epoch, mini-batch SGD, and the epoch's mean loss and accuracy
/// (what NetScript reports), accumulated on the device and read once per epoch.</summary>
public static class HandLoop
{
    public static EpochMeasure[] Train(BenchModel spec, TensorDataset data, int epochs, long seed)
    {
        manual_seed(seed);
        using var model = spec.BuildByHand();
        using var optimizer = optim.SGD(model.parameters(), BenchModel.LearningRate);
        using var shuffle = new Generator((ulong)seed);
        long n = data.Count;
        var measures = new EpochMeasure[epochs];
        model.train();
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            using (NewDisposeScope())
            {
                Tensor order = randperm(n, generator: shuffle);
                Tensor lossSum = zeros(1, dtype: ScalarType.Float64);
                Tensor correct = zeros(1, dtype: ScalarType.Int64);
                for (long start = 0; start < n; start += BenchModel.BatchSize)
                {
                    using var step = NewDisposeScope();
                    long length = Math.Min(BenchModel.BatchSize, n - start);
                    Tensor index = order.narrow(0, start, length);
                    Tensor x = data.Features.index_select(0, index);     // (B, …)
                    Tensor y = data.Labels.index_select(0, index);       // (B)
                    optimizer.zero_grad();
                    Tensor logits = model.call(x);                       // (B, C)
                    Tensor loss = nn.functional.cross_entropy(logits, y);
                    loss.backward();
                    optimizer.step();
                    using (no_grad())
                    {
                        lossSum.add_(loss.detach().to_type(ScalarType.Float64) * length);
                        correct.add_(logits.argmax(1).eq(y).sum());
                    }
                }
                double meanLoss = lossSum.item<double>() / n, accuracy = correct.item<long>() / (double)n;
                if (!double.IsFinite(meanLoss) || accuracy < 0) throw new InvalidOperationException("the baseline diverged");
            }
            measures[epoch] = new EpochMeasure(clock.Elapsed.TotalSeconds, ProcessMemory.ResidentMegabytes());
        }
        return measures;
    }
}
