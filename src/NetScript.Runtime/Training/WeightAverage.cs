using NetScript.Language.Lowering;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetScript.Runtime.Training;

/// <summary>The average of a model's parameters that `train … ema=` or `swa=` keeps beside
/// training. EMA follows timm's ModelEmaV2: it starts as a copy of the initial weights and after
/// every optimizer update becomes decay·ema + (1 − decay)·weights, in place and without a host
/// sync; with `ema_warmup=` the decay rises as min(decay, (1 + t)/(10 + t)) over the first
/// updates (the warmup of TensorFlow's ExponentialMovingAverage with num_updates). SWA follows PyTorch's AveragedModel: the equal average of the weights at the end of the
/// last epochs (avg += (w − avg)/(n + 1)). Buffers (batchnorm running statistics) are not
/// averaged: the model's own are used until <see cref="BatchNormStatistics"/> recomputes them.</summary>
internal sealed class WeightAverage : IDisposable
{
    readonly WeightAveragingSpec _spec;
    readonly int _epochs;
    readonly Parameter[] _live;
    readonly Tensor[] _average;
    readonly Tensor[] _backup;
    readonly ScalarScope _scalars = new();
    readonly Scalar? _decay, _rest;
    int _averaged; // SWA: epoch-end weights in the average so far
    long _updates; // EMA: updates averaged so far (the warmup's t)

    WeightAverage(WeightAveragingSpec spec, int epochs, IEnumerable<Parameter> parameters)
    {
        _spec = spec;
        _epochs = epochs;
        _live = [.. parameters];
        using var noGrad = no_grad();
        _average = [.. _live.Select(p => p.detach().clone().DetachFromDisposeScope())];
        _backup = [.. _live.Select(p => empty_like(p).DetachFromDisposeScope())];
        if (spec.Decay is { } decay)
        {
            _decay = _scalars.Of(decay);
            _rest = _scalars.Of(1 - decay);
        }
    }

    /// <summary>Null when the training averages nothing.</summary>
    public static WeightAverage? Create(WeightAveragingSpec? spec, int epochs, IEnumerable<Parameter> parameters) =>
        spec is null ? null : new WeightAverage(spec, epochs, parameters);

    /// <summary>EMA from the start; SWA once the first epoch of its window has ended.</summary>
    public bool HasAverage => _spec.Decay is not null || _averaged > 0;

    /// <summary>After every optimizer update (EMA). With the warmup the update after t earlier
    /// ones uses decay min(D, (1 + t)/(10 + t)): 0.1, 0.18, 0.25, … until it reaches D.</summary>
    public void AfterUpdate()
    {
        if (_decay is null) return;
        using var noGrad = no_grad();
        double warm = (1.0 + _updates) / (10.0 + _updates);
        _updates++;
        if (_spec.Warmup && warm < _spec.Decay!.Value)
        {
            using var scalars = new ScalarScope();
            Scalar decay = scalars.Of(warm), rest = scalars.Of(1 - warm);
            for (int i = 0; i < _live.Length; i++)
                _average[i].mul_(decay).add_(_live[i], rest);
            return;
        }
        for (int i = 0; i < _live.Length; i++)
            _average[i].mul_(_decay).add_(_live[i], _rest!);
    }

    /// <summary>After epoch <paramref name="epoch"/> (1-based; SWA averages the last epochs' weights).</summary>
    public void AfterEpoch(int epoch)
    {
        if (_spec.LastEpochs is not { } last || epoch <= _epochs - last) return;
        _averaged++;
        using var noGrad = no_grad();
        using var scalars = new ScalarScope();
        Scalar share = scalars.Of(1.0 / _averaged);
        for (int i = 0; i < _live.Length; i++)
        {
            if (_averaged == 1) _average[i].copy_(_live[i]);
            else
            {
                using Tensor change = _live[i].add(_average[i], scalars.Of(-1.0)); // w − avg
                _average[i].add_(change, share);
            }
        }
    }

    /// <summary>Runs <paramref name="measure"/> with the averaged weights in the model (when there
    /// is an average yet), then puts the training's weights back.</summary>
    public T With<T>(Func<T> measure)
    {
        if (!HasAverage) return measure();
        using var noGrad = no_grad();
        for (int i = 0; i < _live.Length; i++)
        {
            _backup[i].copy_(_live[i]);
            _live[i].copy_(_average[i]);
        }
        try
        {
            return measure();
        }
        finally
        {
            for (int i = 0; i < _live.Length; i++) _live[i].copy_(_backup[i]);
        }
    }

    /// <summary>Makes the averaged weights the model's (at the end of training).</summary>
    public void CopyIntoModel()
    {
        if (!HasAverage) return;
        using var noGrad = no_grad();
        for (int i = 0; i < _live.Length; i++) _live[i].copy_(_average[i]);
    }

    /// <summary>Writes the average and its counters (a checkpoint's section): the updates and
    /// epochs averaged so far, then each parameter's average in order.</summary>
    public void Write(BinaryWriter writer)
    {
        writer.Write(_updates);
        writer.Write(_averaged);
        writer.Write(_average.Length);
        foreach (Tensor t in _average) t.Save(writer);
    }

    /// <summary>Restores what <see cref="Write"/> wrote for the same parameters, so a resumed
    /// training continues the average exactly.</summary>
    public void Read(BinaryReader reader)
    {
        long updates = reader.ReadInt64();
        int averaged = reader.ReadInt32(), count = reader.ReadInt32();
        if (count != _average.Length)
            throw new Recording.Checkpoints.CheckpointException($"its weight average holds {count} tensors, and the model has {_average.Length} parameters");
        using var noGrad = no_grad();
        for (int i = 0; i < count; i++)
        {
            using Tensor saved = TorchSharp.TensorExtensionMethods.Load(reader);
            if (!saved.shape.SequenceEqual(_average[i].shape))
                throw new Recording.Checkpoints.CheckpointException($"its weight average's tensor {i} has shape [{string.Join(", ", saved.shape)}], "
                    + $"and the model's parameter has [{string.Join(", ", _average[i].shape)}]");
            _average[i].copy_(saved);
        }
        _updates = updates;
        _averaged = averaged;
    }

    public void Dispose()
    {
        foreach (Tensor t in _average.Concat(_backup)) t.Dispose();
        _scalars.Dispose();
    }
}
