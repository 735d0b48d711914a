using NetScript.Language.Schema;

namespace NetScript.Language.Lowering;

/// <summary>One lowered preprocessing step (<see cref="PreprocessingSchema"/>).</summary>
public abstract record PreprocessingSpec(string Kind) : PlanOperation(Kind)
{
    private protected override OperationCategory Category => OperationCategory.Preprocessing;
}
