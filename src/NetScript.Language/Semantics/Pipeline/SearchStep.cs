using NetScript.Language.Text;

namespace NetScript.Language.Semantics;

/// <summary>`search …` and every statement after it in the submission: <see cref="Trials"/>
/// binds a trial's values and returns the checked statements to run (the trial's body, then,
/// with the best trial's values, the tail).</summary>
public sealed record SearchStep(SearchPlan Plan, ITrialBinder Trials, TextSpan Span) : PipelineStep(Span)
{
    /// <summary>The first line of each statement the trial repeats, for progress and reports.</summary>
    public int BodyStatements { get; init; }
}
