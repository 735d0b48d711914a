using NetScript.Runtime.Training.Losses;
using TorchSharp;
using static TorchSharp.torch;

namespace NetScript.Runtime.Training.Regularization;

/// <summary>A training mini-batch as the model sees it: the (augmented, mixed) inputs and the
/// targets the loss weighs. Mixed batches (Mixup, CutMix) have a second target set, the
/// permuted batch's, and λ: the loss is λ·L(output, y) + (1 − λ)·L(output, y[perm]).</summary>
internal sealed class TrainingBatch(Tensor input, Tensor labels, Tensor? shuffled = null, double lambda = 1)
{
    /// <summary>(B, …) what the model is called on.</summary>
    public Tensor Input { get; } = input;

    /// <summary>The batch's own targets.</summary>
    public Tensor Labels { get; } = labels;

    /// <summary>The permuted batch's targets, or null when nothing was mixed.</summary>
    public Tensor? Shuffled { get; } = shuffled;

    /// <summary>The share of the batch's own images and targets.</summary>
    public double Lambda { get; } = lambda;

    /// <summary>The targets accuracy counts against: those with the larger share.</summary>
    public Tensor Decisions => Shuffled is not null && Lambda < 0.5 ? Shuffled : Labels;

    public Tensor Loss(LossFunction loss, Tensor output)
    {
        Tensor own = loss.call(output, Labels);
        if (Shuffled is null) return own;
        // Scalars made here and kept alive until the calls return (a collected temporary is freed mid-call).
        using Scalar a = Lambda.ToScalar(), b = (1 - Lambda).ToScalar();
        Tensor other = loss.call(output, Shuffled);
        return own.mul(a).add_(other, b);
    }
}
