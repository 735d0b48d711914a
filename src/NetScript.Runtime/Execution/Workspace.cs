using NetScript.Data;
using NetScript.Runtime.Models;
using NetScript.Scripting;

namespace NetScript.Runtime.Execution;

/// <summary>The live state of a session: datasets as tensors, built models, fitted
/// preprocessing. Owns every tensor and module in it.</summary>
public sealed class Workspace : IDisposable
{
    readonly Dictionary<string, TensorDataset> _datasets = new(StringComparer.Ordinal);
    readonly Dictionary<string, TrainedModel> _models = new(StringComparer.Ordinal);
    readonly List<IFittedTransform> _transforms = new();
    readonly Dictionary<string, FoldSet> _folds = new(StringComparer.Ordinal);

    /// <summary>The compiler that checks this session's C# snippets; runs take the compiled
    /// losses, metrics and layers from it.</summary>
    public SnippetCompiler Snippets { get; init; } = SnippetCompiler.Default;

    public long Seed { get; set; } = NetScript.Language.Lowering.Lowerer.DefaultSeed;

    public IReadOnlyDictionary<string, TensorDataset> Datasets => _datasets;

    public IReadOnlyDictionary<string, TrainedModel> Models => _models;

    /// <summary>Fitted preprocessing, in order; applied to data loaded later too.</summary>
    public IReadOnlyList<IFittedTransform> Transforms => _transforms;

    /// <summary>Folds of `kfold` statements, by name.</summary>
    public IReadOnlyDictionary<string, FoldSet> Folds => _folds;

    public FoldSet FoldSet(string name) =>
        _folds.TryGetValue(name, out var f) ? f : throw new RuntimeFailure($"k-fold split `{name}` is not defined");

    public void SetFolds(string name, FoldSet folds)
    {
        if (_folds.Remove(name, out var old) && !ReferenceEquals(old, folds)) old.Dispose();
        _folds[name] = folds;
    }

    public TensorDataset Dataset(string name) =>
        _datasets.TryGetValue(name, out var d) ? d : throw new RuntimeFailure($"dataset `{name}` is not loaded");

    public void SetDataset(string name, TensorDataset data)
    {
        if (_datasets.Remove(name, out var old) && !ReferenceEquals(old, data)) old.Dispose();
        _datasets[name] = data;
    }

    public void SetModel(string name, TrainedModel model)
    {
        if (_models.Remove(name, out var old) && !ReferenceEquals(old, model)) old.Dispose();
        _models[name] = model;
    }

    /// <summary>Drops a model's built module (a redefinition in the REPL).</summary>
    public void RemoveModel(string name)
    {
        if (_models.Remove(name, out var old)) old.Dispose();
    }

    public void AddTransform(IFittedTransform transform) => _transforms.Add(transform);

    public void Dispose()
    {
        foreach (var d in _datasets.Values) d.Dispose();
        foreach (var m in _models.Values) m.Dispose();
        foreach (var t in _transforms) t.Dispose();
        foreach (var f in _folds.Values) f.Dispose();
        _folds.Clear();
        _datasets.Clear();
        _models.Clear();
        _transforms.Clear();
    }
}
