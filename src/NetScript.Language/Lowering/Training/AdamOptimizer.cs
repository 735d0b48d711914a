using NetScript.Language.Schema;

namespace NetScript.Language.Lowering;

/// <summary>Adam, or AdamW when <see cref="Decoupled"/> (weight decay applied outside the adaptive step).</summary>
public sealed record AdamOptimizer(bool Decoupled, double LearningRate, double Beta1, double Beta2, double Eps, double WeightDecay, bool DecayAll)
    : OptimizerSpec(Decoupled ? OptimizerSchema.AdamW.Name : OptimizerSchema.Adam.Name, LearningRate, WeightDecay, DecayAll)
{
    private protected override IEnumerable<(string Name, object? Value)> Own() => [("beta1", Beta1), ("beta2", Beta2), ("eps", Eps)];
}
