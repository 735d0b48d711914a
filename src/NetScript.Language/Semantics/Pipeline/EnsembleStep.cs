using System.Collections.Immutable;
using NetScript.Language.Text;

namespace NetScript.Language.Semantics;

/// <summary><c>ensemble MODEL seeds=[…] [as NAME]</c>: one member per seed, each trained as
/// <see cref="Train"/> (the model's last training) describes; <see cref="Name"/> names them.
/// With <see cref="Snapshots"/> (and no seeds) the members are that training's last epochs' weights;
/// with <see cref="Top"/>, the model as the search's best trials trained it (<see cref="TopTrials"/>).</summary>
public sealed record EnsembleStep(string Name, TrainStep Train, ImmutableArray<long> Seeds, string Average, TextSpan Span) : PipelineStep(Span)
{
    public int? Snapshots { get; init; }

    /// <summary>`top=K`: the members are the K best completed trials of the search before the ensemble.</summary>
    public int? Top { get; init; }

    /// <summary>With <see cref="Top"/>: each trial's training of the model.</summary>
    public TrialTrainings? TopTrials { get; init; }
}
