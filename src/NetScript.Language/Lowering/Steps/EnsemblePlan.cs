using System.Collections.Immutable;
using NetScript.Language.Semantics;
using NetScript.Language.Text;

namespace NetScript.Language.Lowering;

/// <summary>What an ensemble averages over its members' outputs.</summary>
public enum EnsembleAverage { Probabilities, Logits, Vote }

/// <summary>Trains one member per seed of <see cref="Seeds"/> as <see cref="Train"/> says
/// (the model's last training) and keeps them under <see cref="Name"/>.</summary>
public sealed record EnsemblePlan(string Name, TrainPlan Train, ImmutableArray<long> Seeds, EnsembleAverage Average, TextSpan Span) : PipelineStep(Span);
