using NetScript.Language.Schema;

namespace NetScript.Language.Lowering;

/// <summary>All weights <see cref="Value"/>.</summary>
public sealed record ConstantInit(double Value, double Bias, bool ZeroResidual) : InitSpec(InitSchema.Constant.Name, Bias, ZeroResidual)
{
    private protected override IEnumerable<(string Name, object? Value)> Own() => [("value", Value)];
}
