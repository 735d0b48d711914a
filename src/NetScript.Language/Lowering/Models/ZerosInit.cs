using NetScript.Language.Schema;

namespace NetScript.Language.Lowering;

/// <summary>All weights 0.</summary>
public sealed record ZerosInit(double Bias, bool ZeroResidual) : InitSpec(InitSchema.Zeros.Name, Bias, ZeroResidual)
{
    private protected override IEnumerable<(string Name, object? Value)> Own() => [];
}
