using System.Globalization;
using static TorchSharp.torch;

namespace NetScript.Data;

/// <summary>Shared plumbing of the fitted transforms: owns the statistic tensors (outside any
/// dispose scope), exposes them as <see cref="TransformState"/>, and runs each application
/// in its own dispose scope and scalar scope so temporaries never leak (and no scalar is
/// left for the finalizer to free while libtorch reads it, see <see cref="ScalarScope"/>).</summary>
public abstract class FittedTransform : IFittedTransform
{
    readonly Dictionary<string, Tensor> _tensors;
    readonly Dictionary<string, string> _parameters;

    protected FittedTransform(string kind, IEnumerable<KeyValuePair<string, object>> parameters, params (string Name, Tensor Value)[] tensors)
    {
        Kind = kind;
        _parameters = parameters.ToDictionary(p => p.Key, p => Format(p.Value));
        _tensors = tensors.ToDictionary(t => t.Name, t => t.Value);
    }

    public string Kind { get; }

    public TransformState State => new(Kind, new Dictionary<string, string>(_parameters),
        _tensors.ToDictionary(t => t.Key, t => StateTensor.From(t.Value)));

    public Tensor Apply(Tensor features)
    {
        using var scope = NewDisposeScope();
        using var s = new ScalarScope();
        return Transform(features, s).MoveToOuterDisposeScope();
    }

    public Tensor ApplyInPlace(Tensor features)
    {
        using var scope = NewDisposeScope();
        using var s = new ScalarScope();
        Tensor result = TransformInPlace(features, s);
        return ReferenceEquals(result, features) ? features : result.MoveToOuterDisposeScope();
    }

    /// <param name="s">Holds every number passed to libtorch until the application ends.</param>
    protected abstract Tensor Transform(Tensor features, ScalarScope s);

    /// <summary>Overwrites <paramref name="features"/> where the step allows it (elementwise
    /// steps); by default a new tensor.</summary>
    protected virtual Tensor TransformInPlace(Tensor features, ScalarScope s) => Transform(features, s);

    protected Tensor Statistic(string name) => _tensors[name];

    /// <summary>Detaches statistics computed inside a dispose scope so the transform owns them.</summary>
    protected static Tensor Keep(Tensor tensor) => tensor.detach().MoveToOuterDisposeScope();

    protected static void RequireRows(Tensor features, string kind)
    {
        if (features.shape[0] < 1) throw new DataException($"cannot fit `{kind}` on an empty split");
    }

    internal static double Number(TransformState state, string name) =>
        double.Parse(Parameter(state, name), NumberStyles.Float, CultureInfo.InvariantCulture);

    internal static string Parameter(TransformState state, string name) =>
        state.Parameters.TryGetValue(name, out string? value) ? value : throw new DataException($"the saved `{state.Kind}` state has no `{name}`");

    internal static Tensor Tensor(TransformState state, string name) =>
        state.Tensors.TryGetValue(name, out StateTensor? value) ? value.ToTensor() : throw new DataException($"the saved `{state.Kind}` state has no `{name}`");

    static string Format(object value) => value switch
    {
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        StatisticScope s => s.Name(),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    public void Dispose()
    {
        foreach (Tensor tensor in _tensors.Values) tensor.Dispose();
        _tensors.Clear();
        GC.SuppressFinalize(this);
    }
}
