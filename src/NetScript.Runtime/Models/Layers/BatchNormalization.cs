using TorchSharp;
using static TorchSharp.torch;

namespace NetScript.Runtime.Models.Layers;

/// <summary>nn.BatchNorm1d (features of (B, C) or (B, C, L)) and nn.BatchNorm2d (channels of
/// (B, C, H, W)) with TorchSharp's forward, except that the count of training batches is
/// advanced with a scalar made once: TorchSharp's <c>num_batches_tracked.add_(1)</c> makes two
/// temporary Scalars every training step, which a collection can free while libtorch reads
/// them (see <see cref="ScalarScope"/>). Parameters and buffers (weight, bias, running_mean,
/// running_var, num_batches_tracked) are NormBase's, so the state dict is nn.BatchNorm's.
/// The schema always gives a momentum, so the cumulative-average mode (momentum None) is not
/// needed.</summary>
internal sealed class BatchNormalization : TorchSharp.Modules.BatchNorm
{
    readonly bool _images;
    readonly Scalar _one = 1.ToScalar(); // lives with the module; add_(1) in TorchSharp's forward

    /// <param name="images">BatchNorm2d over (B, C, H, W) instead of BatchNorm1d.</param>
    public BatchNormalization(long features, double eps, double momentum, bool affine, bool images)
        : base(features, eps, momentum, affine, track_running_stats: true, device: null, dtype: null, images ? "BatchNorm2d" : "BatchNorm1d")
    {
        _images = images;
    }

    protected override void ValidateInputDimensions(Tensor input)
    {
        if (_images ? input.ndim != 4 : input.ndim is not (2 or 3))
            throw new ArgumentException($"expected {(_images ? "4D" : "2D or 3D")} input, but got {input.ndim}D input.");
    }

    /// <summary>A frozen layer of a transferred model (timm's FrozenBatchNorm): normalises with
    /// the running statistics and leaves them unchanged even in training mode.</summary>
    public bool FrozenStatistics { get; set; }

    public override Tensor forward(Tensor input)
    {
        ValidateInputDimensions(input);
        bool batchStatistics = training && !FrozenStatistics;
        if (batchStatistics) num_batches_tracked!.add_(_one, _one);
        return nn.functional.batch_norm(input, running_mean, running_var, weight, bias, batchStatistics, momentum!.Value, eps);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _one.Dispose();
        base.Dispose(disposing);
    }
}
