using NetScript.Language.Schema;

namespace NetScript.Language.Lowering;

/// <summary>One lowered setting of a <c>regularize</c> block (<see cref="RegularizationSchema"/>).</summary>
public abstract record RegularizerSetting(string Kind) : PlanOperation(Kind)
{
    private protected override OperationCategory Category => OperationCategory.Regularizer;
}
