using System.Collections.Immutable;
using NetScript.Language.Text;

namespace NetScript.Language.Semantics;

/// <summary><c>ensemble MODEL seeds=[…] [as NAME]</c>: one member per seed, each trained as
/// <see cref="Train"/> (the model's last training) describes; <see cref="Name"/> names them.</summary>
public sealed record EnsembleStep(string Name, TrainStep Train, ImmutableArray<long> Seeds, string Average, TextSpan Span) : PipelineStep(Span);
