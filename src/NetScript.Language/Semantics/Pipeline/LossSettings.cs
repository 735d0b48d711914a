using NetScript.Language.Schema;

namespace NetScript.Language.Semantics;

/// <summary>The loss a model trains with (<c>loss=huber(delta=0.5)</c>), with its arguments.</summary>
public sealed record LossSettings(BoundArguments Arguments)
{
    readonly LossTarget? _target;

    /// <summary>A <c>loss NAME = csharp { … }</c>: <see cref="Kind"/> is its name. Null for built-ins.</summary>
    public SnippetUse? Snippet { get; init; }

    public string Kind => Arguments.Spec.Name;

    /// <summary>The targets and what predictions mean: from the schema for a built-in; for a C#
    /// loss the checker decides from the data and the model's output (<see cref="LossTarget.Classes"/>
    /// when the output has one score per class, else <see cref="LossTarget.Real"/>: no accuracy).</summary>
    public LossTarget Target
    {
        get => _target ?? LossSchema.TargetOf(Kind);
        init => _target = value;
    }

    /// <summary>Whether predictions are class decisions, so accuracy means something.</summary>
    public bool HasAccuracy => Target != LossTarget.Real;

    /// <summary>Whether each sample has one class among many, so top-k accuracy means something.</summary>
    public bool HasTopK => Target is LossTarget.Classes or LossTarget.ClassesFromHidden;

    public override string ToString() => Snippet is { } snippet
        ? $"{Kind}(C# {snippet.Source.Fingerprint})"
        : Arguments.Describe() is { Length: > 0 } args ? $"{Kind}({args})" : Kind;
}
