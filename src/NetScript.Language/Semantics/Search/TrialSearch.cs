namespace NetScript.Language.Semantics;

/// <summary>What the statements after a search know of it when they are checked (they run once,
/// after the trials): its plan, how many trials it runs (null when that is known only as they
/// run), the binder of its trials, and the trial's statements as checked with the values of
/// this check.</summary>
internal sealed record TrialSearch(SearchPlan Plan, long? Trials, ITrialBinder Binder, CheckedProgram Body);
