using NetScript.Runtime.Events;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetScript.Runtime.Statistics;

/// <summary>The statistics of one child of the model. On a sampled step a forward hook
/// (attached only for that step) reduces the layer's output to a short device vector, the
/// parameters' norms are taken after backward and the update's norms after the optimizer
/// step. Nothing is read back here: the collector reads all probes in one host transfer.
/// Every tensor a probe keeps is detached from the caller's dispose scopes and disposed by
/// the probe, so its lifetime does not depend on how the training loop scopes its steps.</summary>
internal sealed class LayerProbe : IDisposable
{
    const int Scalars = 4; // mean, ‖a − mean‖, min, max

    readonly nn.Module<Tensor, Tensor> _module;
    readonly (string Name, Parameter Parameter)[] _parameters;
    readonly StatisticsOptions _options;
    nn.HookableModule<Func<nn.Module<Tensor, Tensor>, Tensor, Tensor>, Func<nn.Module<Tensor, Tensor>, Tensor, Tensor, Tensor>>.HookRemover? _hook;
    Tensor? _activation;   // (Scalars [+nonzero count] [+saturated count] + bins [+ unit peaks]) float32
    Tensor? _norms;        // (2P) float32: ‖θ‖, ‖∇θ‖ per parameter
    Tensor? _updates;      // (P) float32: ‖Δθ‖ per parameter
    Tensor[] _before = [];
    long _elements;        // outputs summarised on the sampled step (divides the counts)
    Tensor? _positions;    // where the histogram looks in outputs of _positionsOf values
    long _positionsOf;
    bool[] _hasGradient = [];
    DeadUnitTracker? _dead;

    public LayerProbe(string name, int index, nn.Module<Tensor, Tensor> module, StatisticsOptions options, IEnumerable<(string Name, Parameter Parameter)> parameters)
    {
        Name = name;
        Index = index;
        _module = module;
        _options = options;
        Family = ActivationFamilies.Of(module);
        Kind = module.GetName(); // the module's own name: ScalarActivation says LeakyReLU, ELU or Softplus
        _parameters = parameters.ToArray();
    }

    public string Name { get; }

    public int Index { get; }

    public string Kind { get; }

    public ActivationFamily Family { get; }

    /// <summary>Length of this probe's part of the collector's host read; 0 when the layer
    /// produced no output on the sampled step.</summary>
    public long Length => (_activation?.shape[0] ?? 0) + (_norms?.shape[0] ?? 0) + (_updates?.shape[0] ?? 0);

    public void Attach() => _hook ??= _module.register_forward_hook(OnForward);

    public void Detach()
    {
        _hook?.remove();
        _hook = null;
    }

    Tensor OnForward(nn.Module<Tensor, Tensor> module, Tensor input, Tensor output)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        _activation?.Dispose();
        _activation = Summarise(output.detach()).DetachFromDisposeScope();
        return null!; // null keeps the layer's output (TorchSharp's delegate type is not annotated)
    }

    Tensor Summarise(Tensor output)
    {
        // Few, cheap ops: each libtorch call costs ~5–10 µs however small, and some reductions
        // are slow on CPU (measured on a 128×256 output: std_mean 181 µs, mean + ‖a − mean‖
        // 17 µs; eq(0).sum 39 µs, count_nonzero 11 µs). Sums and counts come back raw and the
        // host divides by the element count.
        Tensor a = output.dtype == ScalarType.Float32 ? output : output.to_type(ScalarType.Float32);
        Tensor flat = a.reshape(-1);                                       // (B·…)
        _elements = flat.shape[0];
        using var s = new ScalarScope();                                   // no GC-collectable temporaries (ScalarScope)
        Tensor mean = flat.mean();
        var (min, max) = flat.aminmax();
        var scalars = new List<Tensor>(6) { mean, flat.sub(mean).norm(), min, max }; // ‖a − mean‖ = std·√N
        if (Family == ActivationFamily.Rectifier)
            scalars.Add(flat.count_nonzero().to_type(ScalarType.Float32));
        if (Family.Saturates())
        {
            // |a| > t for tanh; for σ the same test on 2σ − 1 (tanh(x) = 2σ(2x) − 1): |σ − ½| > t/2.
            double t = _options.SaturationThreshold;
            Tensor saturated = Family == ActivationFamily.Sigmoid
                ? flat.sub(s.Of(0.5)).abs_().gt(s.Of(t / 2))
                : flat.abs().gt(s.Of(t));
            scalars.Add(saturated.count_nonzero().to_type(ScalarType.Float32));
        }
        var parts = new List<Tensor>(3) { stack(scalars), Histogram(flat, min, max) };
        if (Family == ActivationFamily.Rectifier)
            parts.Add(UnitPeaks(a));
        return cat(parts);                                                 // float32: counts stay exact below 2²⁴
    }

    /// <summary>Counts per equal bin over the unit's fixed range, or over the batch's
    /// [min, max] (histc's automatic range, widened to [v − 1, v + 1] when every output is
    /// v). Outputs of more than <see cref="StatisticsOptions.HistogramValues"/> values are
    /// counted at that many fixed positions spread evenly over the output, plus its min and max
    /// (so the automatic range is the whole output's): histc costs ~3 ns per value, 7 ms on a
    /// 128×32×28×28 convolution output. Non-finite outputs make the automatic range fail: the
    /// counts are then zero and the loss check reports the divergence.</summary>
    Tensor Histogram(Tensor flat, Tensor min, Tensor max)
    {
        int bins = _options.Bins;
        var range = Family.Range();
        Tensor values = flat.shape[0] <= _options.HistogramValues
            ? flat
            : cat([flat.index_select(0, Positions(flat.shape[0], flat.device)), min.reshape(1), max.reshape(1)]);
        try
        {
            return values.histc(bins, (long)(range?.Lower ?? 0), (long)(range?.Upper ?? 0)); // (bins) float32
        }
        catch (System.Runtime.InteropServices.ExternalException)
        {
            return zeros(bins);
        }
    }

    /// <summary><see cref="StatisticsOptions.HistogramValues"/> positions in [0, n), spread by the
    /// golden-ratio (Weyl) sequence: even coverage without locking onto a row or channel period.
    /// Made once per output size and kept by the probe.</summary>
    Tensor Positions(long n, Device device)
    {
        if (_positions is not null && _positionsOf == n) return _positions;
        _positions?.Dispose();
        var positions = new long[_options.HistogramValues];
        double golden = (Math.Sqrt(5) - 1) / 2, x = 0;
        for (int i = 0; i < positions.Length; i++, x += golden)
            positions[i] = (long)((x - Math.Floor(x)) * n);
        using var scope = NewDisposeScope();
        _positions = tensor(positions, device: device).DetachFromDisposeScope();
        _positionsOf = n;
        return _positions;
    }

    /// <summary>Each unit's (feature's, or an image-shaped output's channel's) largest output
    /// over the batch: the unit was active on the batch when it is positive.</summary>
    static Tensor UnitPeaks(Tensor a)
    {
        long[] reduce = a.dim() == 1 ? [0] : [0, .. Enumerable.Range(2, (int)a.dim() - 2).Select(d => (long)d)];
        Tensor peaks = a.amax(reduce);                                     // (C)
        return peaks.dim() == 0 ? peaks.reshape(1) : peaks;
    }

    /// <summary>After backward, before the optimizer step: norms of the weights and their
    /// gradients, and a copy of the weights to measure the update against.</summary>
    public void CaptureParameters()
    {
        if (_parameters.Length == 0) return;
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var values = new List<Tensor>(2 * _parameters.Length);
        _hasGradient = new bool[_parameters.Length];
        _before = new Tensor[_parameters.Length];
        for (int i = 0; i < _parameters.Length; i++)
        {
            Tensor p = _parameters[i].Parameter; // under no_grad: no detach needed
            Tensor? grad = _parameters[i].Parameter.grad;
            _hasGradient[i] = grad is not null;
            values.Add(p.norm());
            values.Add(grad is null ? zeros(1).squeeze() : grad.norm());
            _before[i] = p.clone().DetachFromDisposeScope();
        }
        _norms = stack(values).DetachFromDisposeScope();
    }

    /// <summary>After the optimizer step: ‖θ_after − θ_before‖ per parameter.</summary>
    public void MeasureUpdates()
    {
        if (_parameters.Length == 0) return;
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var norms = new Tensor[_parameters.Length];
        for (int i = 0; i < _parameters.Length; i++)
            norms[i] = _before[i].sub_(_parameters[i].Parameter).norm(); // ‖θ_before − θ_after‖, in place on the copy
        _updates = stack(norms).DetachFromDisposeScope();
        DisposeBefore();
    }

    /// <summary>This probe's device results, in the order <see cref="Read"/> decodes them.</summary>
    public IEnumerable<Tensor> Results() =>
        new[] { _activation, _norms, _updates }.Where(t => t is not null).Select(t => t!);

    /// <summary>Decodes this probe's part of the host read and releases its device results.
    /// Null when the layer was not called on the sampled step.</summary>
    public LayerSample? Read(ReadOnlySpan<float> values)
    {
        LayerSample? sample = _activation is null ? null : Decode(values);
        Release();
        return sample;
    }

    LayerSample Decode(ReadOnlySpan<float> values)
    {
        int at = Scalars;
        double? zeros = Family == ActivationFamily.Rectifier ? (_elements - (double)values[at++]) / _elements : null;
        double? saturated = Family.Saturates() ? values[at++] / (double)_elements : null;
        var counts = new long[_options.Bins];
        for (int b = 0; b < counts.Length; b++) counts[b] = (long)values[at + b];
        at += counts.Length;
        double? dead = null;
        int activationLength = (int)_activation!.shape[0];
        if (Family == ActivationFamily.Rectifier)
        {
            int units = activationLength - at;
            if (_dead is null || _dead.Units != units) _dead = new DeadUnitTracker(units, _options.DeadWindow);
            dead = _dead.Update(values.Slice(at, units));
        }
        double min = values[2], max = values[3];
        var (lower, upper) = Family.Range() ?? (min == max ? (min - 1, max + 1) : (min, max));
        if (!double.IsFinite(min) || !double.IsFinite(max)) (lower, upper) = (double.NaN, double.NaN);

        var parameters = new ParameterSample[_parameters.Length];
        for (int i = 0; i < _parameters.Length && _norms is not null && _updates is not null; i++)
        {
            ReadOnlySpan<float> norms = values.Slice(activationLength, 2 * _parameters.Length);
            double update = values[activationLength + 2 * _parameters.Length + i];
            parameters[i] = new ParameterSample(_parameters[i].Name, norms[2 * i], _hasGradient[i] ? norms[2 * i + 1] : null, update);
        }
        return new LayerSample(Name, Kind, Index, values[0], values[1] / Math.Sqrt(_elements), min, max, zeros, dead, saturated,
            new ActivationHistogram(lower, upper, counts), _norms is null || _updates is null ? [] : parameters);
    }

    void Release()
    {
        _activation?.Dispose();
        _norms?.Dispose();
        _updates?.Dispose();
        _activation = _norms = _updates = null;
        DisposeBefore();
    }

    void DisposeBefore()
    {
        foreach (Tensor t in _before) t.Dispose();
        _before = [];
    }

    public void Dispose()
    {
        Detach();
        Release();
        _positions?.Dispose();
    }
}
