using NetScript.Language.Semantics;
using NetScript.Runtime.Search;

namespace NetScript.Runtime.Events;

/// <summary>A trial of a search finished (completed, failed or pruned); <see cref="Best"/> is
/// the best completed trial so far, <see cref="Finished"/> of <see cref="Total"/> trials are done.</summary>
public sealed record TrialCompleted(SearchPlan Plan, TrialResult Result, TrialResult? Best, int Finished, int Total) : RunEvent
{
    public string Line => Leaderboard.Line(Plan, Result, Best, Finished, Total);
}
