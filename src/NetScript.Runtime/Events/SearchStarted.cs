using NetScript.Language.Semantics;

namespace NetScript.Runtime.Events;

/// <summary>A search begins, with <see cref="Total"/> trials in all (a resumed search counts
/// the ones an earlier run finished too; they are not run again).</summary>
public sealed record SearchStarted(SearchPlan Plan, int Total) : RunEvent;
