using NetScript.Language.Schema;

namespace NetScript.Language.Lowering;

/// <summary>Xavier/Glorot: std = gain·√(2/(fan_in + fan_out)), or gain·√(1/fan_in) with <see cref="FanMode.FanIn"/>.</summary>
public sealed record XavierInit(string Kind, Distribution Dist, FanMode Mode, double Gain, double Bias, bool ZeroResidual) : InitSpec(Kind, Bias, ZeroResidual)
{
    private protected override IEnumerable<(string Name, object? Value)> Own() => [("dist", Dist), ("mode", Mode), ("gain", Gain)];
}
