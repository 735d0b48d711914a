using NetScript.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace NetScript.Runtime.Training.Regularization;

/// <summary>Mixup and CutMix on a training batch: a random permutation pairs every sample with
/// another of the same batch, λ ~ Beta(α, α). With both configured each batch uses one of
/// them, chosen with equal odds (timm's default switch probability).</summary>
internal sealed class BatchMixer(double? mixupAlpha, double? cutMixAlpha)
{
    public TrainingBatch Mix(Tensor x, Tensor y, SeededRandom random, Generator generator)
    {
        bool cut = cutMixAlpha is not null && (mixupAlpha is null || random.NextDouble() < 0.5);
        double alpha = cut ? cutMixAlpha!.Value : mixupAlpha!.Value;
        double lambda = BetaSampler.Sample(random, alpha, alpha);
        Tensor perm = randperm(x.shape[0], generator: generator); // (B)
        Tensor other = x.index_select(0, perm);
        Tensor shuffled = y.index_select(0, perm);
        return cut ? CutMix(x, other, y, shuffled, lambda, random) : Mixup(x, other, y, shuffled, lambda);
    }

    /// <summary>λx + (1 − λ)·other.</summary>
    internal static TrainingBatch Mixup(Tensor x, Tensor other, Tensor y, Tensor shuffled, double lambda)
    {
        using Scalar a = lambda.ToScalar(), b = (1 - lambda).ToScalar();
        return new TrainingBatch(x.mul(a).add_(other, b), y, shuffled, lambda);
    }

    /// <summary>Pastes the box of <paramref name="other"/> centred on a random pixel, with sides
    /// √(1 − λ) of the image's (clipped at the border, as in the CutMix paper's code), into
    /// every image; λ becomes the exact fraction of each image left uncovered.</summary>
    internal static TrainingBatch CutMix(Tensor x, Tensor other, Tensor y, Tensor shuffled, double lambda, SeededRandom random)
    {
        long h = x.shape[2], w = x.shape[3];
        double side = Math.Sqrt(1 - lambda);
        long cutH = (long)(h * side), cutW = (long)(w * side);
        long cy = random.NextInt((int)h), cx = random.NextInt((int)w);
        long top = Math.Clamp(cy - cutH / 2, 0, h), bottom = Math.Clamp(cy + cutH / 2, 0, h);
        long left = Math.Clamp(cx - cutW / 2, 0, w), right = Math.Clamp(cx + cutW / 2, 0, w);
        Tensor mixed = x.clone(); // (B, C, H, W)
        if (bottom > top && right > left)
        {
            using Tensor box = mixed.narrow(2, top, bottom - top).narrow(3, left, right - left);
            using Tensor source = other.narrow(2, top, bottom - top).narrow(3, left, right - left);
            box.copy_(source);
        }
        double uncovered = 1 - (double)((bottom - top) * (right - left)) / (h * w);
        return new TrainingBatch(mixed, y, shuffled, uncovered);
    }
}
