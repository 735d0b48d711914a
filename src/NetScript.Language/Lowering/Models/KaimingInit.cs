using NetScript.Language.Schema;

namespace NetScript.Language.Lowering;

/// <summary>Kaiming/MSRA: std = gain/√fan with gain √(2/(1 + α²)) (α = 0 for relu).</summary>
public sealed record KaimingInit(string Kind, Nonlinearity Nonlinearity, double Alpha, Distribution Dist, FanMode Mode, double Bias, bool ZeroResidual) : InitSpec(Kind, Bias, ZeroResidual)
{
    private protected override IEnumerable<(string Name, object? Value)> Own() => [("nonlinearity", Nonlinearity), ("alpha", Alpha), ("dist", Dist), ("mode", Mode)];
}
