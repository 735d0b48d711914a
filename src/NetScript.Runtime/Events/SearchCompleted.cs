using NetScript.Language.Semantics;
using NetScript.Runtime.Search;

namespace NetScript.Runtime.Events;

/// <summary>A search finished: its trials best first (completed ones by score, then the rest),
/// the leaderboard as printed, and RUN/trials.parquet (null without a run folder).</summary>
public sealed record SearchCompleted(SearchPlan Plan, IReadOnlyList<TrialResult> Ranked, string Leaderboard, string? TrialsTable) : RunEvent;
