using NetScript.Language.Semantics;
using NetScript.Language.Text;

namespace NetScript.Language.Lowering;

/// <summary>The rule that turns a range test's smoothed loss curve into the suggested rate
/// (`lr_find … suggest=`): the middle of the longest valley, the steepest descent, or a tenth
/// of the rate of the lowest loss.</summary>
public enum LrSuggestion { Valley, Steepest, Minimum }

/// <summary>A lowered `lr_find`: <see cref="Steps"/> mini-batches of <see cref="Train"/>'s
/// training with the learning rate <c>Start·(End/Start)^(i/(Steps−1))</c> at step i; the
/// model's weights are restored afterwards.</summary>
public sealed record LrFindPlan(string Model, string Data, double Start, double End, int Steps, TrainPlan Train, TextSpan Span) : PipelineStep(Span)
{
    /// <summary>The rule whose rate is printed as the suggestion (every rule's rate is recorded).</summary>
    public LrSuggestion Suggest { get; init; } = LrSuggestion.Valley;
}
