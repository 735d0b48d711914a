using NetScript.Language.Schema;

namespace NetScript.Language.Lowering;

/// <summary>SGD, with momentum and Nesterov momentum.</summary>
public sealed record SgdOptimizer(double LearningRate, double Momentum, bool Nesterov, double WeightDecay, bool DecayAll)
    : OptimizerSpec(OptimizerSchema.Sgd.Name, LearningRate, WeightDecay, DecayAll)
{
    private protected override IEnumerable<(string Name, object? Value)> Own() => [("momentum", Momentum), ("nesterov", Nesterov)];
}
