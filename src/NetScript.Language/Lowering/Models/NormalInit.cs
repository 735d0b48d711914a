using NetScript.Language.Schema;

namespace NetScript.Language.Lowering;

/// <summary>Weights ~ N(mean, std²).</summary>
public sealed record NormalInit(double Std, double Mean, double Bias, bool ZeroResidual) : InitSpec(InitSchema.Normal.Name, Bias, ZeroResidual)
{
    private protected override IEnumerable<(string Name, object? Value)> Own() => [("std", Std), ("mean", Mean)];
}
