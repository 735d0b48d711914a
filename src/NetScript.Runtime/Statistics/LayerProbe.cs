using NetScript.Runtime.Events;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetScript.Runtime.Statistics;

/// <summary>The statistics of one child of the model. On a sampled step a forward hook
/// (attached only for that step) reduces the layer's output to a short summary: on the host,
/// reading the tensor's storage in place, for outputs of up to
/// <see cref="StatisticsOptions.HostSummaryValues"/> values (<see cref="OutputSummary"/>), with
/// libtorch reductions for larger ones. After backward the parameters' and gradients' norms are
/// taken and the parameters copied into arrays the probe keeps; after the optimizer step the
/// update's norms are measured against that copy. The only tensor a probe keeps (the
/// histogram's positions for large outputs) is detached from the caller's dispose scopes and
/// disposed by the probe.</summary>
internal sealed class LayerProbe : IDisposable
{
    const int Scalars = 4; // mean, ‖a − mean‖, min, max

    readonly nn.Module<Tensor, Tensor> _module;
    readonly (string Name, Parameter Parameter)[] _parameters;
    readonly StatisticsOptions _options;
    nn.HookableModule<Func<nn.Module<Tensor, Tensor>, Tensor, Tensor>, Func<nn.Module<Tensor, Tensor>, Tensor, Tensor, Tensor>>.HookRemover? _hook;
    float[]? _summary;     // Scalars [+nonzero count] [+saturated count] + bins [+ unit peaks]
    double[]? _norms;      // (2P): ‖θ‖, ‖∇θ‖ per parameter
    double[]? _updates;    // (P): ‖Δθ‖ per parameter
    float[][] _before = []; // each parameter before the optimizer step, kept between samples
    long _elements;        // outputs summarised on the sampled step (divides the counts)
    long[] _positions = []; // where the histogram looks in outputs of _positionsOf values
    Tensor? _positionsTensor;
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
        Tensor a = output.detach();
        if (a.dtype != ScalarType.Float32) a = a.to_type(ScalarType.Float32);
        _elements = a.numel();
        _summary = _elements <= _options.HostSummaryValues ? OnHost(a) : Summarise(a).data<float>().ToArray();
        return null!; // null keeps the layer's output (TorchSharp's delegate type is not annotated)
    }

    float[] OnHost(Tensor a)
    {
        // A view of the (contiguous, CPU) storage: nothing is copied.
        Tensor c = (a.device_type == TorchSharp.DeviceType.CPU ? a : a.cpu()).contiguous();
        ReadOnlySpan<float> values = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(c.bytes);
        ReadOnlySpan<long> positions = _elements > _options.HistogramValues ? Positions(_elements) : [];
        return OutputSummary.Compute(values[..(int)_elements], a.shape, Family, _options, positions);
    }

    Tensor Summarise(Tensor a)
    {
        // Few, cheap ops: each libtorch call costs ~5–10 µs however small, and some reductions
        // are slow on CPU (measured on a 128×256 output: std_mean 181 µs, mean + ‖a − mean‖
        // 17 µs; eq(0).sum 39 µs, count_nonzero 11 µs). Sums and counts come back raw and the
        // host divides by the element count.
        Tensor flat = a.reshape(-1);                                       // (B·…)
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
            : cat([flat.index_select(0, PositionsTensor(flat.shape[0], flat.device)), min.reshape(1), max.reshape(1)]);
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
    long[] Positions(long n)
    {
        if (_positionsOf == n) return _positions;
        _positionsTensor?.Dispose();
        _positionsTensor = null;
        _positions = new long[_options.HistogramValues];
        double golden = (Math.Sqrt(5) - 1) / 2, x = 0;
        for (int i = 0; i < _positions.Length; i++, x += golden)
            _positions[i] = (long)((x - Math.Floor(x)) * n);
        _positionsOf = n;
        return _positions;
    }

    Tensor PositionsTensor(long n, Device device)
    {
        long[] positions = Positions(n);
        if (_positionsTensor is not null) return _positionsTensor;
        using var scope = NewDisposeScope();
        return _positionsTensor = tensor(positions, device: device).DetachFromDisposeScope();
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
    /// gradients, and a copy of the weights to measure the update against — read in place
    /// from the tensors' storage, copied into arrays the probe keeps.</summary>
    public void CaptureParameters()
    {
        if (_parameters.Length == 0) return;
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        _norms = new double[2 * _parameters.Length];
        _hasGradient = new bool[_parameters.Length];
        if (_before.Length != _parameters.Length) _before = new float[_parameters.Length][];
        for (int i = 0; i < _parameters.Length; i++)
        {
            ReadOnlySpan<float> p = HostSpan(_parameters[i].Parameter);
            Tensor? grad = _parameters[i].Parameter.grad;
            _hasGradient[i] = grad is not null;
            _norms[2 * i] = Math.Sqrt(OutputSummary.SquaredDistance(p, 0));
            _norms[2 * i + 1] = grad is null ? 0 : Math.Sqrt(OutputSummary.SquaredDistance(HostSpan(grad), 0));
            if (_before[i]?.Length != p.Length) _before[i] = new float[p.Length];
            p.CopyTo(_before[i]);
        }
    }

    /// <summary>After the optimizer step: ‖θ_after − θ_before‖ per parameter.</summary>
    public void MeasureUpdates()
    {
        if (_parameters.Length == 0) return;
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        _updates = new double[_parameters.Length];
        for (int i = 0; i < _parameters.Length; i++)
            _updates[i] = Math.Sqrt(OutputSummary.SquaredDistance(_before[i], HostSpan(_parameters[i].Parameter)));
    }

    /// <summary>A float32 view of a tensor's values on the host: its own storage when it is a
    /// contiguous float32 CPU tensor, otherwise a converted copy owned by the caller's dispose scope.</summary>
    static ReadOnlySpan<float> HostSpan(Tensor t)
    {
        Tensor c = t.dtype == ScalarType.Float32 && t.device_type == TorchSharp.DeviceType.CPU && t.is_contiguous()
            ? t : t.to_type(ScalarType.Float32).cpu().contiguous();
        return System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(c.bytes)[..(int)c.numel()];
    }

    /// <summary>The sample of this step, and forgets it. Null when the layer was not called on
    /// the sampled step.</summary>
    public LayerSample? Read()
    {
        LayerSample? sample = _summary is null ? null : Decode(_summary);
        Release();
        return sample;
    }

    LayerSample Decode(float[] summary)
    {
        ReadOnlySpan<float> values = summary;
        int at = Scalars;
        double? zeros = Family == ActivationFamily.Rectifier ? (_elements - (double)values[at++]) / _elements : null;
        double? saturated = Family.Saturates() ? values[at++] / (double)_elements : null;
        var counts = new long[_options.Bins];
        for (int b = 0; b < counts.Length; b++) counts[b] = (long)values[at + b];
        at += counts.Length;
        double? dead = null;
        if (Family == ActivationFamily.Rectifier)
        {
            int units = summary.Length - at;
            if (_dead is null || _dead.Units != units) _dead = new DeadUnitTracker(units, _options.DeadWindow);
            dead = _dead.Update(values.Slice(at, units));
        }
        double min = values[2], max = values[3];
        var (lower, upper) = Family.Range() ?? (min == max ? (min - 1, max + 1) : (min, max));
        if (!double.IsFinite(min) || !double.IsFinite(max)) (lower, upper) = (double.NaN, double.NaN);

        var parameters = new ParameterSample[_parameters.Length];
        for (int i = 0; i < _parameters.Length && _norms is not null && _updates is not null; i++)
            parameters[i] = new ParameterSample(_parameters[i].Name, _norms[2 * i], _hasGradient[i] ? _norms[2 * i + 1] : null, _updates[i]);
        return new LayerSample(Name, Kind, Index, values[0], values[1] / Math.Sqrt(_elements), min, max, zeros, dead, saturated,
            new ActivationHistogram(lower, upper, counts), _norms is null || _updates is null ? [] : parameters);
    }

    void Release()
    {
        _summary = null;
        _norms = _updates = null;
    }

    public void Dispose()
    {
        Detach();
        Release();
        _positionsTensor?.Dispose();
    }
}
