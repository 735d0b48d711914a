using NetScript.Language.Schema;

namespace NetScript.Language.Semantics;

/// <summary>The loss a model trains with (<c>loss=huber(delta=0.5)</c>), with its arguments.</summary>
public sealed record LossSettings(BoundArguments Arguments)
{
    public string Kind => Arguments.Spec.Name;

    public LossTarget Target => LossSchema.TargetOf(Kind);

    /// <summary>Whether predictions are class decisions, so accuracy means something.</summary>
    public bool HasAccuracy => Target != LossTarget.Real;

    /// <summary>Whether each sample has one class among many, so top-k accuracy means something.</summary>
    public bool HasTopK => Target is LossTarget.Classes or LossTarget.ClassesFromHidden;

    public override string ToString() => Arguments.Describe() is { Length: > 0 } args ? $"{Kind}({args})" : Kind;
}
