using NetScript.Data;
using NetScript.Runtime.Ensembles;
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

    // What a trial's workspace shares with the session's (Fork): read, never disposed here.
    readonly HashSet<object> _borrowed = new(ReferenceEqualityComparer.Instance);

    /// <summary>The compiler that checks this session's C# snippets; runs take the compiled
    /// losses, metrics and layers from it.</summary>
    public SnippetCompiler Snippets { get; init; } = SnippetCompiler.Default;

    public long Seed { get; set; } = NetScript.Language.Lowering.Lowerer.DefaultSeed;

    /// <summary>Every program run in this workspace (a search's trials included) is shortened by
    /// <see cref="NetScript.Language.Lowering.SmokePlan"/>: `netscript run --smoke`.</summary>
    public bool Smoke { get; init; }

    public IReadOnlyDictionary<string, TensorDataset> Datasets => _datasets;

    /// <summary>The trials of the session's last search, best first, with their models' weight
    /// files (RUN/trials/NNNN/MODEL.pt): the top-k an ensemble can average.</summary>
    public IReadOnlyList<Search.TrialResult> SearchTrials { get; set; } = [];

    public IReadOnlyDictionary<string, TrainedModel> Models => _models;

    /// <summary>Fitted preprocessing, in order; applied to data loaded later too.</summary>
    public IReadOnlyList<IFittedTransform> Transforms => _transforms;

    /// <summary>Folds of `kfold` statements, by name.</summary>
    public IReadOnlyDictionary<string, FoldSet> Folds => _folds;

    public FoldSet FoldSet(string name) =>
        _folds.TryGetValue(name, out var f) ? f : throw new RuntimeFailure($"k-fold split `{name}` is not defined");

    public void SetFolds(string name, FoldSet folds)
    {
        if (_folds.Remove(name, out var old) && !ReferenceEquals(old, folds) && !_borrowed.Contains(old)) old.Dispose();
        _folds[name] = folds;
    }

    public TensorDataset Dataset(string name) =>
        _datasets.TryGetValue(name, out var d) ? d : throw new RuntimeFailure($"dataset `{name}` is not loaded");

    public void SetDataset(string name, TensorDataset data)
    {
        if (_datasets.Remove(name, out var old) && !ReferenceEquals(old, data) && !_borrowed.Contains(old)) old.Dispose();
        _datasets[name] = data;
    }

    public void SetModel(string name, TrainedModel model)
    {
        if (_models.Remove(name, out var old) && !ReferenceEquals(old, model)) old.Dispose();
        _models[name] = model;
    }

    /// <summary>Ensembles by name (`ensemble … [as NAME]`); a name here is evaluated as its members.</summary>
    public IReadOnlyDictionary<string, TrainedEnsemble> Ensembles => _ensembles;

    readonly Dictionary<string, TrainedEnsemble> _ensembles = new(StringComparer.Ordinal);

    public void SetEnsemble(string name, TrainedEnsemble ensemble)
    {
        RemoveEnsemble(name);
        _ensembles[name] = ensemble;
    }

    public void RemoveEnsemble(string name)
    {
        if (_ensembles.Remove(name, out var old)) old.Dispose();
    }

    /// <summary>Drops a model's built module (a redefinition in the REPL).</summary>
    public void RemoveModel(string name)
    {
        if (_models.Remove(name, out var old)) old.Dispose();
    }

    public void AddTransform(IFittedTransform transform) => _transforms.Add(transform);

    /// <summary>A workspace for one trial of a search: it reads this one's datasets, folds and
    /// fitted preprocessing without copying or owning them, starts with no models (each trial
    /// builds its own), and runs with <paramref name="seed"/>.</summary>
    public Workspace Fork(long seed)
    {
        var fork = new Workspace { Snippets = Snippets, Seed = seed, Smoke = Smoke };
        foreach (var (name, data) in _datasets) fork._datasets[name] = data;
        foreach (var (name, folds) in _folds) fork._folds[name] = folds;
        fork._transforms.AddRange(_transforms);
        fork._borrowed.UnionWith(_datasets.Values);
        fork._borrowed.UnionWith(_folds.Values);
        fork._borrowed.UnionWith(_transforms);
        fork._borrowed.UnionWith(_borrowed);
        return fork;
    }

    /// <summary>Moves what a trial's workspace made (its models, datasets, folds and
    /// preprocessing) into <paramref name="target"/>, the workspace it was forked from.</summary>
    public void MoveInto(Workspace target)
    {
        foreach (var (name, model) in _models) target.SetModel(name, model);
        foreach (var (name, data) in _datasets.Where(d => !_borrowed.Contains(d.Value))) target.SetDataset(name, data);
        foreach (var (name, folds) in _folds.Where(f => !_borrowed.Contains(f.Value))) target.SetFolds(name, folds);
        foreach (var transform in _transforms.Where(t => !_borrowed.Contains(t))) target.AddTransform(transform);
        _models.Clear();
        _datasets.Clear();
        _folds.Clear();
        _transforms.Clear();
    }

    public void Dispose()
    {
        foreach (var d in _datasets.Values.Where(d => !_borrowed.Contains(d))) d.Dispose();
        foreach (var m in _models.Values) m.Dispose();
        foreach (var t in _transforms.Where(t => !_borrowed.Contains(t))) t.Dispose();
        foreach (var f in _folds.Values.Where(f => !_borrowed.Contains(f))) f.Dispose();
        _folds.Clear();
        _datasets.Clear();
        _models.Clear();
        _transforms.Clear();
    }
}
