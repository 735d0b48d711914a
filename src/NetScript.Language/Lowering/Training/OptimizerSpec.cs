using NetScript.Language.Schema;

namespace NetScript.Language.Lowering;

/// <summary>A lowered optimizer (<see cref="OptimizerSchema"/>). Weight decay applies to the
/// weights (tensors with ≥ 2 dimensions) only, unless <see cref="DecayAll"/>.</summary>
public abstract record OptimizerSpec(string Kind, double LearningRate, double WeightDecay, bool DecayAll) : PlanOperation(Kind)
{
    private protected override OperationCategory Category => OperationCategory.Optimizer;

    private protected abstract IEnumerable<(string Name, object? Value)> Own();

    private protected sealed override IEnumerable<(string Name, object? Value)> Values() =>
        [("lr", LearningRate), ("weight_decay", WeightDecay), ("decay_all", DecayAll), .. Own()];

    private protected override string Text() => $"{Kind}({Arguments})";
}
