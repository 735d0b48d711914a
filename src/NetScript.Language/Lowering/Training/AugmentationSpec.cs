using NetScript.Language.Schema;

namespace NetScript.Language.Lowering;

/// <summary>One lowered step of an <c>augment { … }</c> block (<see cref="AugmentationSchema"/>).</summary>
public abstract record AugmentationSpec(string Kind) : PlanOperation(Kind)
{
    private protected override OperationCategory Category => OperationCategory.Augmentation;
}
