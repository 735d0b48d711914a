using NetScript.Language.Schema;

namespace NetScript.Language.Lowering;

/// <summary>A model's lowered <c>init</c> line (<see cref="InitSchema"/>): how affine layers'
/// weights start, the constant every bias starts at, and whether residual branches start at zero.</summary>
public abstract record InitSpec(string Kind, double Bias, bool ZeroResidual) : PlanOperation(Kind)
{
    private protected override OperationCategory Category => OperationCategory.Init;

    private protected abstract IEnumerable<(string Name, object? Value)> Own();

    private protected sealed override IEnumerable<(string Name, object? Value)> Values() =>
        [.. Own(), ("bias", Bias), ("zero_residual", ZeroResidual)];
}
