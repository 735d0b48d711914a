using NetScript.Language.Schema;

namespace NetScript.Language.Lowering;

/// <summary>RMSProp.</summary>
public sealed record RmsPropOptimizer(double LearningRate, double Alpha, double Eps, double Momentum, bool Centered, double WeightDecay, bool DecayAll)
    : OptimizerSpec(OptimizerSchema.RmsProp.Name, LearningRate, WeightDecay, DecayAll)
{
    private protected override IEnumerable<(string Name, object? Value)> Own() =>
        [("alpha", Alpha), ("eps", Eps), ("momentum", Momentum), ("centered", Centered)];
}
