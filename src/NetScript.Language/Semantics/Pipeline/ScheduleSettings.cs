using NetScript.Language.Text;

namespace NetScript.Language.Semantics;

/// <summary>A checked <c>schedule KIND ARGS</c>, in force for the trainings after it
/// (<see cref="Schema.ScheduleSchema"/> defines the kinds and their formulas).</summary>
public sealed record ScheduleSettings(BoundArguments Arguments, TextSpan Span)
{
    public string Kind => Arguments.Spec.Name;

    /// <summary>The linear warmup before the schedule, or null.</summary>
    public Duration? Warmup => Arguments.Spec.Find("warmup") is null ? null : Arguments.OptionalDuration("warmup");

    public override string ToString() => Arguments.Describe() is { Length: > 0 } args ? $"{Kind}({args})" : Kind;
}
