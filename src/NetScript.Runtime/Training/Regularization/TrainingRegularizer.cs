using NetScript.Data;
using NetScript.Language.Lowering;
using NetScript.Runtime.Data;
using NetScript.Runtime.Models;
using static TorchSharp.torch;

namespace NetScript.Runtime.Training.Regularization;

/// <summary>What a model's `regularize` block does inside the training loop: changes each
/// training batch (augmentations, then Mixup/CutMix), adds L1/L2 gradient terms before
/// each update and projects weights onto the max-norm ball after it. Only the training loop
/// calls it; validation and evaluation see the data as it is. Weight decay and label
/// smoothing are not here: they are already the optimizer's and the loss's values.
/// Without a block every call is a no-op.</summary>
internal sealed class TrainingRegularizer : IDisposable
{
    readonly long _seed;
    readonly AugmentationPipeline? _augmentations;
    readonly BatchMixer? _mixer;
    readonly Generator? _generator;
    readonly ParameterPenalty? _penalty;
    readonly MaxNormConstraint? _maxNorm;

    TrainingRegularizer(RegularizationSpec? settings, TrainedModel model, TensorDataset train, long seed)
    {
        _seed = seed;
        if (settings is null) return;
        var parameters = model.Parameters.ToList();
        _penalty = ParameterPenalty.Create(settings.L1, settings.L2, parameters);
        _maxNorm = settings.MaxNorm is { } c ? new MaxNormConstraint(parameters, c) : null;
        if (settings.MixupAlpha is not null || settings.CutMixAlpha is not null) _mixer = new BatchMixer(settings.MixupAlpha, settings.CutMixAlpha);
        // Fitted on the training data only (PCA colour noise's components, the value range).
        if (!settings.Augmentations.IsEmpty) _augmentations = AugmentationFactory.Create(settings.Augmentations, train);
        if (settings.ChangesBatches) _generator = new Generator(0, train.Features.device);
        if (settings.Dropout is { } p) SetDropout(model.Module, p);
    }

    public static TrainingRegularizer Create(RegularizationSpec? settings, TrainedModel model, TensorDataset train, long seed) =>
        new(settings, model, train, seed);

    /// <summary>The inputs and targets training batch <paramref name="batch"/> (counted over the
    /// whole training) trains on; its random draws depend only on the seed and that number.</summary>
    public TrainingBatch Prepare(Tensor x, Tensor y, long batch)
    {
        if (_generator is null) return new TrainingBatch(x, y);
        long seed = BatchSeeds.For(_seed, batch);
        _generator.manual_seed(seed);
        Tensor input = _augmentations?.Apply(x, _generator, training: true) ?? x; // (B, C, H, W)
        return _mixer?.Mix(input, y, new SeededRandom(seed), _generator) ?? new TrainingBatch(input, y);
    }

    /// <summary>After the window's backward pass, before clipping and the update.</summary>
    public void Penalize() => _penalty?.AddGradients();

    /// <summary>After the update.</summary>
    public void Constrain() => _maxNorm?.Apply();

    static void SetDropout(nn.Module module, double p)
    {
        foreach (var dropout in module.modules().OfType<TorchSharp.Modules.Dropout>())
            dropout.p = p;
    }

    public void Dispose()
    {
        _augmentations?.Dispose();
        _generator?.Dispose();
        _penalty?.Dispose();
    }
}
