using System.Collections.Immutable;
using NetScript.Language.Semantics;
using NetScript.Language.Text;

namespace NetScript.Language.Lowering;

/// <summary>What an ensemble averages over its members' outputs.</summary>
public enum EnsembleAverage { Probabilities, Logits, Vote }

/// <summary>Trains one member per seed of <see cref="Seeds"/> as <see cref="Train"/> says
/// (the model's last training) and keeps them under <see cref="Name"/>; with
/// <see cref="Snapshots"/> the members are the weights that training kept of its last epochs;
/// with <see cref="Top"/>, the model as the best trials of the search before it trained it.</summary>
public sealed record EnsemblePlan(string Name, TrainPlan Train, ImmutableArray<long> Seeds, EnsembleAverage Average, TextSpan Span) : PipelineStep(Span)
{
    public int? Snapshots { get; init; }

    public TopTrialsPlan? Top { get; init; }
}

/// <summary>`ensemble MODEL top=K`: the members are <see cref="Model"/> as the <see cref="Count"/>
/// best completed trials of the search before the ensemble trained it. <see cref="Training"/>
/// gives a trial's training of the model, lowered, from the trial's values (or why there is
/// none): the member is built from its network, whose shapes may differ between trials.</summary>
public sealed record TopTrialsPlan(int Count, string Model, Func<IReadOnlyDictionary<string, Value>, (TrainPlan? Training, string? Problem)> Training);
