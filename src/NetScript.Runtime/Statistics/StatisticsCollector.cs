using NetScript.Runtime.Events;
using NetScript.Runtime.Models.Layers;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetScript.Runtime.Statistics;

/// <summary>Samples per-layer statistics of a training run and publishes them as
/// <see cref="StatisticsSampled"/> events. The training loop calls three methods per step;
/// on a step that is not sampled each returns at once (no hook is attached, no tensor is
/// made); a sampled step summarises each layer's output in its forward hook and reads the
/// parameters before and after the optimizer step, on the host where that is cheaper
/// (<see cref="LayerProbe"/>). Memory is constant in the run's length: per layer one summary
/// in flight, a copy of its parameters, and one index per unit for dead-unit tracking.</summary>
public sealed class StatisticsCollector : IDisposable
{
    readonly LayerProbe[] _probes;
    readonly StatisticsOptions _options;
    readonly IRunObserver _observer;
    readonly string _model;
    bool _sampling;
    int _epoch;
    int _step;
    long _globalStep;

    StatisticsCollector(string model, LayerProbe[] probes, StatisticsOptions options, IRunObserver observer)
    {
        _model = model;
        _probes = probes;
        _options = options;
        _observer = observer;
    }

    /// <summary>A collector over the direct children of <paramref name="module"/> (the layers
    /// of a Sequential), and the layers inside residual blocks; null when statistics are off
    /// (<c>stats=0</c>).</summary>
    public static StatisticsCollector? Create(string model, nn.Module<Tensor, Tensor> module, StatisticsOptions options, IRunObserver observer)
    {
        if (options.Every <= 0) return null;
        var probes = Layers(module, "")
            .Select((layer, index) => new LayerProbe(layer.Name, index, layer.Module, options, layer.Parameters))
            .ToArray();
        return new StatisticsCollector(model, probes, options, observer);
    }

    /// <summary>The layers to probe, in forward order. A residual block's branch layers come
    /// first, named within the block (residual1.conv1); the block itself follows (its output is
    /// the sum) with only its shortcut's parameters, so no parameter is reported twice.</summary>
    static IEnumerable<(string Name, nn.Module<Tensor, Tensor> Module, IEnumerable<(string, Parameter)> Parameters)> Layers(nn.Module module, string prefix)
    {
        foreach (var (name, child) in module.named_children())
        {
            if (child is not nn.Module<Tensor, Tensor> layer) continue;
            if (layer is ResidualBlock block)
            {
                foreach (var inner in Layers(block, prefix + name + ".").Where(l => l.Module != block.Shortcut)) yield return inner;
                yield return (prefix + name, layer, block.Shortcut?.named_parameters().Select(p => ("shortcut." + p.name, p.parameter)) ?? []);
                continue;
            }
            yield return (prefix + name, layer, layer.named_parameters().Select(p => (p.name, p.parameter)));
        }
    }

    /// <summary>Before the forward pass of step <paramref name="step"/> (1-based in the epoch;
    /// <paramref name="globalStep"/> 1-based in the run). Returns whether it is sampled.</summary>
    public bool BeforeForward(int epoch, int step, long globalStep)
    {
        _sampling = _options.Samples(globalStep);
        if (!_sampling) return false;
        (_epoch, _step, _globalStep) = (epoch, step, globalStep);
        foreach (LayerProbe probe in _probes) probe.Attach();
        return true;
    }

    /// <summary>After <c>backward()</c>, before <c>optimizer.step()</c>.</summary>
    public void AfterBackward()
    {
        if (!_sampling) return;
        foreach (LayerProbe probe in _probes)
        {
            probe.Detach();
            probe.CaptureParameters();
        }
    }

    /// <summary>After <c>optimizer.step()</c>: measures the update and publishes the sample.</summary>
    public void AfterOptimizerStep()
    {
        if (!_sampling) return;
        _sampling = false;
        foreach (LayerProbe probe in _probes) probe.MeasureUpdates();
        var layers = new List<LayerSample>(_probes.Length);
        foreach (LayerProbe probe in _probes)
            if (probe.Read() is { } layer) layers.Add(layer);
        _observer.OnEvent(new StatisticsSampled(_model, _epoch, _step, _globalStep, layers));
    }

    public void Dispose()
    {
        foreach (LayerProbe probe in _probes) probe.Dispose();
    }
}
