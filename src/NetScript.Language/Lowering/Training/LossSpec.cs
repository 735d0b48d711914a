using NetScript.Language.Schema;

namespace NetScript.Language.Lowering;

/// <summary>A lowered loss (<see cref="LossSchema"/>) or a C# loss, with what its targets and
/// predictions mean.</summary>
public abstract record LossSpec(string Kind) : PlanOperation(Kind)
{
    private protected override OperationCategory Category => OperationCategory.Loss;

    /// <summary>The targets and what predictions mean (for a C# loss, decided by the checker).</summary>
    public LossTarget Target { get; init; }

    /// <summary>Whether predictions are class decisions, so accuracy means something.</summary>
    public bool HasAccuracy => Target != LossTarget.Real;

    /// <summary>Whether each sample has one class among many, so top-k accuracy means something.</summary>
    public bool HasTopK => Target is LossTarget.Classes or LossTarget.ClassesFromHidden;
}
